package io.heartbeat.cockpit.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Fixtures;
import io.heartbeat.cockpit.repository.StreamJournal;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Benchmark, not a test (surefire's default includes skip *Benchmark). Run from the repository root:
 * <pre>
 * HEARTBEAT_TOPIC_PREFIX=cockpit-bench-$(date +%s)- mvn -B -pl cockpit-api verify -Dtest=SseFanoutBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.metrics=1000 -Dbench.subscribers=1000 -Dbench.events=100
 *   -Dbench.spacing-ms=200]
 * </pre>
 * 1,000 metrics are published (definitions and three banded evaluations each); then evaluations of a new window, one
 * metric each, are published on heartbeat.evaluations every 200 ms, and the time runs from the publish (the broker's
 * ack; also from the send call) until each subscriber of GET /api/stream (real sockets, Vert.x HttpClient, one
 * connection per subscriber) holds the `tile` event of that metric. The baseline, in the same run before the
 * fan-out: the same publishes with a single subscriber. A breakdown from the journal row's created_at (the
 * projecting transaction's start) splits the time into Kafka + projection and journal poll + push. Goal: p99 of the
 * last subscriber per event under 250 ms.
 */
@QuarkusTest
@TestProfile(BenchSeed.Shipped.class)
class SseFanoutBenchmark {

  static final int METRICS = Integer.getInteger("bench.metrics", 1000);
  static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 1000);
  static final int EVENTS = Integer.getInteger("bench.events", 100);
  static final int BASELINE_EVENTS = Integer.getInteger("bench.baseline-events", 50);
  static final long SPACING_MS = Long.getLong("bench.spacing-ms", 200);

  @TestHTTPResource("/")
  URL base;

  @Inject
  StreamBroadcaster broadcaster;

  @Inject
  StreamJournal journal;

  @Inject
  Pool pool;

  /** One phase: which metric each event changes, when it was sent and acked, and when each subscriber held it. */
  static final class Phase {
    final int events;
    final int subscribers;
    final Map<String, Integer> eventOf = new ConcurrentHashMap<>();
    final long[] called;
    final long[] acked;
    final long[] ackedWallMs;
    final long[][] arrived;
    final AtomicIntegerArray delivered;
    final AtomicLong strays = new AtomicLong();

    Phase(int events, int subscribers) {
      this.events = events;
      this.subscribers = subscribers;
      called = new long[events];
      acked = new long[events];
      ackedWallMs = new long[events];
      arrived = new long[events][subscribers];
      delivered = new AtomicIntegerArray(events);
    }

    void arrived(int subscriber, String metricId, long now) {
      Integer event = eventOf.get(metricId);
      if (event == null) {
        strays.incrementAndGet();
        return;
      }
      if (arrived[event][subscriber] == 0) {
        arrived[event][subscriber] = now;
        delivered.incrementAndGet(event);
      }
    }

    int missing() {
      int missing = 0;
      for (int e = 0; e < events; e++) {
        missing += subscribers - delivered.get(e);
      }
      return missing;
    }
  }

  /** One SSE connection: splits the text into events and reports each `tile` event's metric. */
  static final class Subscriber {
    final int index;
    final StringBuilder pending = new StringBuilder();
    volatile Phase phase;
    HttpClientResponse response;

    Subscriber(int index) {
      this.index = index;
    }

    void onData(Buffer chunk) {
      long now = System.nanoTime();
      pending.append(chunk.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String block = pending.substring(0, end);
        pending.delete(0, end + 2);
        if (!block.contains("event:tile") && !block.contains("event: tile")) {
          continue;
        }
        // The journal's payload is jsonb text: "metricId": "..." (with a space).
        int at = block.indexOf("\"metricId\"");
        if (at < 0) {
          continue;
        }
        int from = block.indexOf('"', block.indexOf(':', at + 10)) + 1;
        String metricId = block.substring(from, block.indexOf('"', from));
        Phase p = phase;
        if (p != null) {
          p.arrived(index, metricId, now);
        }
      }
    }
  }

  @Test
  void measureFanout() throws Exception {
    BenchSeed seed = new BenchSeed();
    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setConnectTimeout(30_000)
            .setIdleTimeout(0),
        new PoolOptions().setHttp1MaxSize(SUBSCRIBERS + 1).setMaxWaitQueueSize(-1));
    try {
      BenchSeed.Seeded seeded = seed.seed(METRICS, 3);
      List<String> ids = seeded.ids();
      Instant next = seeded.lastWindow().plus(BenchSeed.PERIOD);
      awaitProjected(ids.get(ids.size() - 1), seeded.lastWindow());
      System.out.printf(Locale.ROOT, "bench load=%s%n", BenchSeed.loadAverage());

      // Baseline: one subscriber.
      List<Subscriber> subscribers = new ArrayList<>();
      subscribe(client, subscribers, 1);
      Phase single = new Phase(BASELINE_EVENTS, 1);
      publish(seed, single, subscribers, ids.subList(0, BASELINE_EVENTS), next);
      report("single", single, Map.of());

      // Fan-out: the same publishes with SUBSCRIBERS subscribers.
      subscribe(client, subscribers, SUBSCRIBERS - 1);
      Phase fan = new Phase(EVENTS, SUBSCRIBERS);
      List<String> fanIds = ids.subList(BASELINE_EVENTS, BASELINE_EVENTS + EVENTS);
      publish(seed, fan, subscribers, fanIds, next);
      Map<String, Long> journaled = journaledAtMs(fanIds);
      double[] fanFigures = report("fanout", fan, journaled);
      double[] singleFigures = report("single", single, Map.of());
      System.out.printf(Locale.ROOT, "bench load_after=%s%n", BenchSeed.loadAverage());
      System.out.printf(Locale.ROOT,
          "RESULT cockpit_sse_fanout subscribers=%d events=%d spacing_ms=%d single_p50_ms=%.1f single_p99_ms=%.1f"
              + " last_p50_ms=%.1f last_p99_ms=%.1f last_max_ms=%.1f all_p50_ms=%.1f all_p99_ms=%.1f"
              + " all_max_ms=%.1f last_p99_from_send_ms=%.1f ratio_p99=%.2f missing=%d goal_p99_under_250ms=%b%n",
          SUBSCRIBERS, EVENTS, SPACING_MS, singleFigures[0], singleFigures[1], fanFigures[0], fanFigures[1],
          fanFigures[2], fanFigures[3], fanFigures[4], fanFigures[5], fanFigures[6],
          fanFigures[1] / singleFigures[1], fan.missing(), fanFigures[1] < 250);
      assertEquals(0, fan.missing() + single.missing(), "every subscriber got every event");
    } finally {
      seed.close();
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Waits until the seed is projected and the broadcaster has pushed the whole journal (nothing old left to push). */
  private void awaitProjected(String lastId, Instant lastWindow) {
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> pool
        .preparedQuery("select count(*) as n from cockpit.tile where metric_id = $1 and window_start = $2")
        .execute(Tuple.of(lastId, lastWindow.atOffset(java.time.ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong("n")).await().atMost(Duration.ofSeconds(10)) == 1);
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> broadcaster.last() >= journal.lastId().await().atMost(Duration.ofSeconds(10)));
  }

  /** Opens count more subscribers, 100 at a time, each once its response (the stream's first comment) arrived. */
  private static void subscribe(HttpClient client, List<Subscriber> subscribers, int count) throws Exception {
    long start = System.nanoTime();
    for (int from = 0; from < count; from += 100) {
      List<CompletableFuture<HttpClientResponse>> opening = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 100); i++) {
        Subscriber s = new Subscriber(subscribers.size());
        subscribers.add(s);
        opening.add(client.request(HttpMethod.GET, "/api/stream")
            .compose(req -> req.putHeader("Accept", "text/event-stream").send())
            .map(resp -> {
              if (resp.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + resp.statusCode());
              }
              s.response = resp;
              resp.handler(s::onData);
              return resp;
            }).toCompletionStage().toCompletableFuture());
      }
      CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    System.out.printf(Locale.ROOT, "bench subscribers=%d opened_ms=%d%n", subscribers.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** One new-window evaluation per metric, every SPACING_MS, each acked before the next; then waits for delivery. */
  private static void publish(BenchSeed seed, Phase phase, List<Subscriber> subscribers, List<String> metrics,
      Instant window) throws Exception {
    subscribers.forEach(s -> s.phase = phase);
    String topic = BenchSeed.topic(Fixtures.EVALUATIONS);
    long t0 = System.nanoTime();
    for (int e = 0; e < phase.events; e++) {
      String id = metrics.get(e);
      phase.eventOf.put(id, e);
      String value = BenchSeed.evaluation(id, window, 200 + e, e == 0).toString();
      long due = t0 + e * SPACING_MS * 1_000_000;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      phase.called[e] = System.nanoTime();
      seed.sendAcked(topic, id, value);
      phase.acked[e] = System.nanoTime();
      phase.ackedWallMs[e] = System.currentTimeMillis();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (phase.missing() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** When each metric's new tile was journaled (created_at: the projecting transaction's start), epoch ms. */
  private Map<String, Long> journaledAtMs(List<String> metrics) {
    Map<String, Long> at = new HashMap<>();
    for (Row row : pool.preparedQuery("""
            select metric_id, (extract(epoch from max(created_at)) * 1000)::bigint as ms from cockpit.stream_event
            where kind = 'tile' and metric_id = any($1) group by metric_id
            """).execute(Tuple.of(metrics.toArray(String[]::new))).await().atMost(Duration.ofSeconds(30))) {
      at.put(row.getString("metric_id"), row.getLong("ms"));
    }
    return at;
  }

  /**
   * Prints the phase and returns {last p50, last p99, last max, all p50, all p99, all max, last p99 from the send}
   * (ms from the ack unless said).
   */
  private static double[] report(String name, Phase p, Map<String, Long> journaled) {
    long[] last = new long[p.events];
    long[] lastFromSend = new long[p.events];
    long[] all = new long[p.events * p.subscribers];
    long[] spread = new long[p.events];
    long[] ackToJournal = new long[journaled.isEmpty() ? 0 : p.events];
    long[] journalToFirst = new long[journaled.isEmpty() ? 0 : p.events];
    Map<Integer, String> metricOf = new HashMap<>();
    p.eventOf.forEach((metric, e) -> metricOf.put(e, metric));
    int k = 0;
    for (int e = 0; e < p.events; e++) {
      long first = Long.MAX_VALUE;
      long max = 0;
      for (int s = 0; s < p.subscribers; s++) {
        long t = p.arrived[e][s];
        if (t == 0) {
          t = p.acked[e] + Duration.ofSeconds(30).toNanos(); // missing: counted as 30 s (and reported)
        }
        all[k++] = t - p.acked[e];
        first = Math.min(first, t);
        max = Math.max(max, t);
      }
      last[e] = max - p.acked[e];
      lastFromSend[e] = max - p.called[e];
      spread[e] = max - first;
      if (!journaled.isEmpty()) {
        long journalMs = journaled.getOrDefault(metricOf.get(e), p.ackedWallMs[e]);
        ackToJournal[e] = (journalMs - p.ackedWallMs[e]) * 1_000_000;
        long firstWallMs = p.ackedWallMs[e] + (first - p.acked[e]) / 1_000_000;
        journalToFirst[e] = (firstWallMs - journalMs) * 1_000_000;
      }
    }
    for (long[] a : List.of(last, lastFromSend, all, spread, ackToJournal, journalToFirst)) {
      Arrays.sort(a);
    }
    System.out.printf(Locale.ROOT,
        "bench phase=%s subscribers=%d events=%d missing=%d strays=%d last_p50_ms=%.1f last_p99_ms=%.1f"
            + " last_max_ms=%.1f all_p50_ms=%.1f all_p99_ms=%.1f all_max_ms=%.1f from_send_last_p50_ms=%.1f"
            + " from_send_last_p99_ms=%.1f spread_first_to_last_p50_ms=%.1f spread_p99_ms=%.1f%n",
        name, p.subscribers, p.events, p.missing(), p.strays.get(), BenchSeed.ms(last, 0.5), BenchSeed.ms(last, 0.99),
        BenchSeed.ms(last, 1), BenchSeed.ms(all, 0.5), BenchSeed.ms(all, 0.99), BenchSeed.ms(all, 1),
        BenchSeed.ms(lastFromSend, 0.5), BenchSeed.ms(lastFromSend, 0.99), BenchSeed.ms(spread, 0.5),
        BenchSeed.ms(spread, 0.99));
    if (!journaled.isEmpty()) {
      System.out.printf(Locale.ROOT,
          "bench breakdown phase=%s ack_to_journal_tx_p50_ms=%.0f ack_to_journal_tx_p99_ms=%.0f"
              + " journal_tx_to_first_subscriber_p50_ms=%.0f journal_tx_to_first_subscriber_p99_ms=%.0f%n",
          name, BenchSeed.ms(ackToJournal, 0.5), BenchSeed.ms(ackToJournal, 0.99), BenchSeed.ms(journalToFirst, 0.5),
          BenchSeed.ms(journalToFirst, 0.99));
    }
    return new double[] {BenchSeed.ms(last, 0.5), BenchSeed.ms(last, 0.99), BenchSeed.ms(last, 1),
        BenchSeed.ms(all, 0.5), BenchSeed.ms(all, 0.99), BenchSeed.ms(all, 1), BenchSeed.ms(lastFromSend, 0.99)};
  }
}
