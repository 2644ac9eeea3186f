package io.heartbeat.cockpit.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tiles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Benchmark, not a test (surefire's default includes skip *Benchmark). Run from the repository root:
 * <pre>
 * HEARTBEAT_TOPIC_PREFIX=cockpit-bench-$(date +%s)- mvn -B -pl cockpit-api verify -Dtest=TilesLoadBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.metrics=1000 -Dbench.connections=200 -Dbench.warmup=15
 *   -Dbench.seconds=30 -Dbench.rounds=3]
 * </pre>
 * (on a database without earlier runs' tiles: every tile in it is served). GET /api/tiles of 1,000 metrics
 * (definitions and five banded evaluations each, published on the topics), at 200 concurrent keep-alive connections
 * (Vert.x HttpClient, closed loop: each connection sends its next request when the last answer's body is read),
 * against a shipped static file (/vendor/uplot/uPlot.iife.min.js, 51 KB) served by the same service, and against
 * the ETag path (If-None-Match, 304). The targets alternate in rounds (seconds / rounds each per round) after a
 * warm-up of each. Goal: tiles p99 at most 20 ms and at least 0.5x the static file's requests/s.
 */
@QuarkusTest
@TestProfile(BenchSeed.Shipped.class)
class TilesLoadBenchmark {

  static final int METRICS = Integer.getInteger("bench.metrics", 1000);
  static final int EVALUATIONS_EACH = Integer.getInteger("bench.evaluations", 5);
  static final int CONNECTIONS = Integer.getInteger("bench.connections", 200);
  static final int WARMUP_S = Integer.getInteger("bench.warmup", 15);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final String STATIC = "/vendor/uplot/uPlot.iife.min.js";

  @TestHTTPResource("/")
  URL base;

  /** What one target collected: latency of every answer (ns), answers by kind, bytes. */
  static final class Stats {
    long[] latencies = new long[1 << 16];
    int n;
    long nanos;
    final AtomicLong ok = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    final AtomicLong other = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    synchronized void add(long latency) {
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = latency;
    }

    synchronized long[] sorted() {
      long[] s = Arrays.copyOf(latencies, n);
      Arrays.sort(s);
      return s;
    }

    double rps() {
      return n * 1e9 / nanos;
    }
  }

  @Test
  void measureTiles() throws Exception {
    BenchSeed seed = new BenchSeed();
    BenchSeed.Seeded seeded;
    try {
      seeded = seed.seed(METRICS, EVALUATIONS_EACH);
    } finally {
      seed.close();
    }
    Set<String> ids = Set.copyOf(seeded.ids());
    String newest = seeded.lastWindow().toString();
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> Tiles.all().stream()
        .filter(t -> ids.contains(t.get("metricId")) && newest.equals(t.get("windowStart")) && t.get("band") != null)
        .count() == METRICS);
    List<Map<String, Object>> all = Tiles.all();
    assertEquals(METRICS, all.size(), "the database holds tiles of earlier runs: use a fresh one");

    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
            .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setConnectTimeout(10_000),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
    try {
      Map<String, String> first = once(client, "/api/tiles", null);
      int tilesBytes = Integer.parseInt(first.get("bytes"));
      byte[] tilesBody = client.request(HttpMethod.GET, "/api/tiles").compose(req -> req.send())
          .compose(resp -> resp.body()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
          .getBytes();
      long gzipStart = System.nanoTime();
      java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(gzipped)) {
        gz.write(tilesBody);
      }
      // The plain body gzipped here, against what the service sends (its snapshot's gzip copy), and one compression's
      // cost: what compressing per request would add.
      System.out.printf(Locale.ROOT, "bench tiles_gzip_bytes=%d gzip_ms=%.1f%n", gzipped.size(),
          (System.nanoTime() - gzipStart) / 1e6);
      AtomicReference<String> etag = new AtomicReference<>(first.get("etag"));
      assertTrue(etag.get() != null, "GET /api/tiles has an ETag");
      assertEquals("304", once(client, "/api/tiles", etag.get()).get("status"));
      int staticBytes = Integer.parseInt(once(client, STATIC, null).get("bytes"));
      System.out.printf(Locale.ROOT, "bench tiles=%d tiles_bytes=%d static_bytes=%d load=%s%n", METRICS,
          tilesBytes, staticBytes, BenchSeed.loadAverage());

      Map<String, Stats> targets = new LinkedHashMap<>();
      targets.put("static", new Stats());
      targets.put("tiles", new Stats());
      targets.put("etag", new Stats());
      for (String name : targets.keySet()) {
        run(client, name, etag, new Stats(), Duration.ofSeconds(Math.max(1, WARMUP_S / 3)));
      }
      for (int r = 0; r < ROUNDS; r++) {
        for (Map.Entry<String, Stats> t : targets.entrySet()) {
          run(client, t.getKey(), etag, t.getValue(), Duration.ofMillis(SECONDS * 1000L / ROUNDS));
        }
      }
      for (Map.Entry<String, Stats> t : targets.entrySet()) {
        Stats s = t.getValue();
        long[] sorted = s.sorted();
        System.out.printf(Locale.ROOT,
            "bench target=%s requests=%d rps=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f ok=%d not_modified=%d"
                + " other=%d errors=%d mib_per_s=%.1f%n", t.getKey(), s.n, s.rps(), BenchSeed.ms(sorted, 0.5),
            BenchSeed.ms(sorted, 0.99), BenchSeed.ms(sorted, 1.0), s.ok.get(), s.notModified.get(), s.other.get(),
            s.errors.get(), s.bytes.get() / (s.nanos / 1e9) / (1 << 20));
      }
      Stats st = targets.get("static");
      Stats ti = targets.get("tiles");
      Stats et = targets.get("etag");
      long[] tiSorted = ti.sorted();
      double ratio = ti.rps() / st.rps();
      double p99 = BenchSeed.ms(tiSorted, 0.99);
      System.out.printf(Locale.ROOT, "bench load_after=%s%n", BenchSeed.loadAverage());
      System.out.printf(Locale.ROOT,
          "RESULT cockpit_tiles tiles=%d tiles_bytes=%d static_bytes=%d connections=%d static_rps=%.0f"
              + " static_p50_ms=%.1f static_p99_ms=%.1f tiles_rps=%.0f tiles_p50_ms=%.1f tiles_p99_ms=%.1f"
              + " etag_rps=%.0f etag_p50_ms=%.1f etag_p99_ms=%.1f ratio=%.3f etag_ratio=%.3f"
              + " goal_p99_le_20ms=%b goal_ratio_ge_0_5=%b%n",
          METRICS, tilesBytes, staticBytes, CONNECTIONS, st.rps(), BenchSeed.ms(st.sorted(), 0.5),
          BenchSeed.ms(st.sorted(), 0.99), ti.rps(), BenchSeed.ms(tiSorted, 0.5), p99, et.rps(),
          BenchSeed.ms(et.sorted(), 0.5), BenchSeed.ms(et.sorted(), 0.99), ratio, et.rps() / st.rps(), p99 <= 20,
          ratio >= 0.5);
      assertEquals(0, ti.errors.get() + st.errors.get() + et.errors.get(), "no request failed");
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** One request: status, body bytes and ETag. */
  private static Map<String, String> once(HttpClient client, String path, String ifNoneMatch) throws Exception {
    return client.request(HttpMethod.GET, path).compose(req -> {
      req.putHeader("Accept-Encoding", "gzip");
      if (ifNoneMatch != null) {
        req.putHeader("If-None-Match", ifNoneMatch);
      }
      return req.send();
    }).compose(resp -> resp.body().map(body -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("status", Integer.toString(resp.statusCode()));
      m.put("bytes", Integer.toString(body.length()));
      String tag = resp.getHeader("ETag");
      if (tag != null) {
        m.put("etag", tag);
      }
      return m;
    })).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** CONNECTIONS closed loops against one target for the duration; every answer's latency goes to stats. */
  private static void run(HttpClient client, String target, AtomicReference<String> etag, Stats stats,
      Duration duration) throws InterruptedException {
    String path = "static".equals(target) ? STATIC : "/api/tiles";
    boolean conditional = "etag".equals(target);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    CountDownLatch done = new CountDownLatch(CONNECTIONS);
    for (int i = 0; i < CONNECTIONS; i++) {
      loop(client, path, conditional, etag, stats, deadline, done);
    }
    if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(target + ": requests still open a minute after the phase");
    }
    synchronized (stats) {
      stats.nanos += System.nanoTime() - start;
    }
  }

  private static void loop(HttpClient client, String path, boolean conditional, AtomicReference<String> etag,
      Stats stats, long deadline, CountDownLatch done) {
    if (System.nanoTime() >= deadline) {
      done.countDown();
      return;
    }
    long sent = System.nanoTime();
    client.request(HttpMethod.GET, path).compose(req -> {
      // As a browser asks: the tiles come gzipped from the snapshot's own copy; the static file is served as is.
      req.putHeader("Accept-Encoding", "gzip");
      if (conditional) {
        req.putHeader("If-None-Match", etag.get());
      }
      return req.send();
    }).compose(resp -> resp.body().map(body -> {
      int status = resp.statusCode();
      if (status == 200) {
        stats.ok.incrementAndGet();
        if (conditional && resp.getHeader("ETag") != null) {
          etag.set(resp.getHeader("ETag"));
        }
      } else if (status == 304) {
        stats.notModified.incrementAndGet();
      } else {
        stats.other.incrementAndGet();
      }
      stats.bytes.addAndGet(body.length());
      return status;
    })).onComplete(ar -> {
      if (ar.failed()) {
        stats.errors.incrementAndGet();
      } else {
        stats.add(System.nanoTime() - sent);
      }
      loop(client, path, conditional, etag, stats, deadline, done);
    });
  }
}
