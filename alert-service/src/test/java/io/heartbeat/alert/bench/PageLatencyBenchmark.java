package io.heartbeat.alert.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.heartbeat.alert.bench.PageEpisodes.Published;
import io.heartbeat.alert.bench.PageReceivers.Held;
import io.heartbeat.alert.bench.PageReceivers.Server;
import io.heartbeat.alert.notify.NotifyConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Benchmark, not a test (surefire's default includes skip *Benchmark). Run from the repository root:
 *   mvn -B -pl alert-service verify -Dtest=PageLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * Page latency (issue 11): from the firing observation's publish on heartbeat.observations (the end of its window
 * plus compute time, which the goal leaves out) to a local receiver holding the page, through the whole shipped path
 * (Kafka, judgement, episode, outbox on the same transaction, delivery worker, signed webhook over HTTP). Phase 0 is
 * the baseline: a bare POST loop of the same bytes with the same client kind to the same receiver. Phase 1: 1,000
 * episodes, one receiver, spread at 50/s; also 200 at 2/s (under the worker's capacity) and 1,000 at once. Phase 2:
 * 1,000 episodes, each to a fast receiver and to one answering after 2 s. Goal: p99 under 1 s, the fast receiver
 * no slower beside the slow one.
 */
@QuarkusTest
@TestProfile(PageLatencyBenchmark.Profile.class)
@QuarkusTestResource(value = PageReceivers.class, restrictToAnnotatedClass = true)
class PageLatencyBenchmark {

  static final String RUN = "page" + Long.toString(System.currentTimeMillis(), 36);
  static final int EPISODES = 1000;
  static final double SPREAD_PER_SECOND = 50;
  static final int BASELINE_POSTS = 2000;

  /**
   * The shipped notify settings, not %test's: the test profile polls the outbox every 100 ms (and retries sooner),
   * which is not what a user gets. They are read from application.properties itself, so the benchmark follows the
   * shipped values when they change. The routes file comes from PageReceivers.
   */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> overrides = new HashMap<>(shippedNotify());
      // Shipped judgement settings too (%test runs the clock at 60x and checkpoints hourly).
      overrides.put("heartbeat.alert.clock.rate", "1");
      overrides.put("heartbeat.alert.judgement.checkpoint-every", "30s");
      // The benchmark's metrics stop beating after their firing window; the stale watch would escalate each
      // episode to stale two minutes later and send a second page per episode during the next phases.
      overrides.put("heartbeat.alert.stale.check-every", "off");
      // A group of its own, as a deployed service has: every alert-service test run on the shared broker joins
      // group alert-service (whatever its topics), and each join rebalanced this run's lanes, stalling the
      // judgement for seconds (a first run saw publish-to-outbox p99 of 23 s at 2 episodes/s).
      overrides.put("mp.messaging.incoming.registry.group.id", RUN);
      overrides.put("mp.messaging.incoming.observations.group.id", RUN);
      overrides.put("mp.messaging.incoming.deployments.group.id", RUN + "-deployments");
      // The phases wait minutes for pages, which Quarkus' hang detector (10 min without test activity) reports.
      overrides.put("quarkus.test.hang-detection-timeout", "60m");
      return overrides;
    }
  }

  static Map<String, String> shippedNotify() {
    Properties shipped = new Properties();
    try (InputStream in = PageLatencyBenchmark.class.getClassLoader().getResourceAsStream("application.properties")) {
      shipped.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("alert-service's application.properties not on the class path", e);
    }
    Map<String, String> notify = new HashMap<>();
    shipped.stringPropertyNames().stream()
        .filter(key -> key.startsWith("heartbeat.notify.") && !key.equals("heartbeat.notify.routes-file"))
        .forEach(key -> notify.put(key, shipped.getProperty(key)));
    if (!notify.containsKey("heartbeat.notify.poll-every")) {
      throw new IllegalStateException("no shipped heartbeat.notify.poll-every in application.properties");
    }
    return notify;
  }

  @Inject
  Pool pool;

  @Inject
  Vertx vertx;

  @Inject
  NotifyConfig notify;

  @Test
  void measurePageLatency() {
    System.out.printf("shipped notify settings: poll-every=%s in-flight=%d backoff-initial=%s lease=%s%n",
        notify.pollEvery(), notify.inFlight(), notify.backoffInitial(), notify.lease());
    try (PageEpisodes episodes = new PageEpisodes(RUN)) {
      List<String> warmup = episodes.define("warm", 40, "bench-alone");
      List<String> trickle = episodes.define("trickle", 200, "bench-alone");
      List<String> spread = episodes.define("spread", EPISODES, "bench-alone");
      List<String> burst = episodes.define("burst", EPISODES, "bench-alone");
      List<String> pair = episodes.define("pair", EPISODES, "bench-pair");
      int metrics = warmup.size() + trickle.size() + spread.size() + burst.size() + pair.size();
      await(Duration.ofMinutes(5), () -> count("select count(*) from alert.metric where metric_id like $1")
          == metrics);
      List<String> all = new ArrayList<>();
      List.of(warmup, trickle, spread, burst, pair).forEach(all::addAll);
      episodes.warm(all);
      await(Duration.ofMinutes(5), () -> count("select count(*) from alert.evaluation where metric_id like $1")
          == metrics);

      // Warm-up (JIT, connections, the series cache), and a real page for the baseline to send.
      phase(episodes, warmup, 10, PageReceivers.quick, "alone");
      PageReceivers.Sample sample = PageReceivers.quick.sample();
      assertNotNull(sample, "a page arrived");

      Percentiles sequential;
      Percentiles concurrent;
      try (PostLoop loop = new PostLoop(vertx, PageReceivers.quick.url("/baseline"), sample)) {
        loop.run(BASELINE_POSTS / 4, notify.inFlight());
        sequential = Percentiles.ofNanos(loop.run(BASELINE_POSTS, 1));
        concurrent = Percentiles.ofNanos(loop.run(BASELINE_POSTS, notify.inFlight()));
      }
      System.out.printf("phase 0 baseline: POST of %d bytes, sequential %s%n", sample.body().length,
          sequential.describe());
      System.out.printf("phase 0 baseline: POST, %d in flight (the worker's in-flight) %s%n", notify.inFlight(),
          concurrent.describe());

      Percentiles trickled = phase(episodes, trickle, 2, PageReceivers.quick, "alone");
      System.out.println("phase 1 trickle, 200 at 2/s, one receiver: " + trickled.describe());
      Percentiles alone = phase(episodes, spread, SPREAD_PER_SECOND, PageReceivers.quick, "alone");
      System.out.println("phase 1 spread, 1,000 at 50/s, one receiver: " + alone.describe());
      Percentiles bursted = phase(episodes, burst, 0, PageReceivers.quick, "alone");
      System.out.println("phase 1 burst, 1,000 at once, one receiver: " + bursted.describe());

      Map<String, Published> published = episodes.fire(pair, SPREAD_PER_SECOND);
      Percentiles fast = held(episodes, published, PageReceivers.quick, "fast", Duration.ZERO);
      Percentiles slow = held(episodes, published, PageReceivers.slow, "slow", PageReceivers.SLOW_ANSWER);
      System.out.println("phase 2, 1,000 at 50/s to both, fast receiver: " + fast.describe());
      System.out.println("phase 2, 1,000 at 50/s to both, slow receiver (answers in 2 s): " + slow.describe());

      assertEquals(0, PageReceivers.quick.invalid.get() + PageReceivers.slow.invalid.get(),
          "every page carried a metric and a valid signature");
      boolean goal = alone.p99() < 1000 && fast.p99() < 1000;
      System.out.printf(Locale.ROOT, "RESULT page_latency post_p50_ms=%.1f post_p99_ms=%.1f page_p50_ms=%.1f"
          + " page_p99_ms=%.1f page_max_ms=%.1f fast_p99_ms=%.1f slow_p99_ms=%.1f fast_vs_alone=%.3f episodes=%d"
          + " goal_p99_under_1s=%b%n", concurrent.p50(), concurrent.p99(), alone.p50(), alone.p99(), alone.max(),
          fast.p99(), slow.p99(), fast.p99() / alone.p99(), spread.size(), goal);
    } finally {
      cleanUp();
    }
  }

  private Percentiles phase(PageEpisodes episodes, List<String> metricIds, double perSecond, Server server,
      String receiver) {
    return held(episodes, episodes.fire(metricIds, perSecond), server, receiver, Duration.ZERO);
  }

  /**
   * Waits until the receiver holds every published episode's page, then returns publish-to-held latencies and
   * prints where the time went: publish to the outbox row (judged, in the step's transaction; PostgreSQL's now()
   * is the transaction's start) and from there to the receiver (the worker's wait and the HTTP request).
   */
  private Percentiles held(PageEpisodes episodes, Map<String, Published> published, Server server, String receiver,
      Duration answerAfter) {
    String path = "/" + receiver;
    // Room for the worker's own pace: in-flight pages per poll, one answer and a poll more per round.
    long rounds = published.size() / notify.inFlight() + 1;
    Duration patience = notify.pollEvery().multipliedBy(2).plus(answerAfter).multipliedBy(rounds)
        .plus(Duration.ofMinutes(3));
    await(patience, () -> published.keySet().stream().allMatch(id -> server.held(path, id) != null));
    Map<String, Long> enqueued = enqueuedAt(receiver, published.keySet().stream().map(episodes::episodeKey).toList());
    long[] latencies = new long[published.size()];
    long[] judged = new long[published.size()];
    long[] waited = new long[published.size()];
    int i = 0;
    for (var entry : published.entrySet()) {
      Held held = server.held(path, entry.getKey());
      Long created = enqueued.get(episodes.episodeKey(entry.getKey()));
      assertNotNull(created, "an outbox row for " + entry.getKey());
      latencies[i] = held.nanos() - entry.getValue().nanos();
      judged[i] = created - entry.getValue().epochMillis();
      waited[i] = held.epochMillis() - created;
      i++;
    }
    System.out.printf("  %s: publish to outbox row %s; outbox row to held %s%n", receiver,
        Percentiles.ofMillis(judged).describe(), Percentiles.ofMillis(waited).describe());
    return Percentiles.ofNanos(latencies);
  }

  private Map<String, Long> enqueuedAt(String receiver, List<String> episodeKeys) {
    Map<String, Long> created = new HashMap<>();
    for (Row row : pool.preparedQuery("select episode_key, (extract(epoch from created_at) * 1000)::bigint"
            + " from alert.outbox where receiver = $1 and step = 'firing' and episode_key = any($2)")
        .execute(Tuple.of(receiver, episodeKeys.toArray(String[]::new))).await().indefinitely()) {
      created.put(row.getString(0), row.getLong(1));
    }
    return created;
  }

  private static void await(Duration atMost, Callable<Boolean> done) {
    Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(done);
  }

  private long count(String sql) {
    return pool.preparedQuery(sql).execute(Tuple.of(RUN + "_%")).await().indefinitely().iterator().next()
        .getLong(0);
  }

  // The run's rows would otherwise stay in the shared test database.
  private void cleanUp() {
    pool.preparedQuery("delete from alert.outbox where notification like $1").execute(Tuple.of("%\"" + RUN + "_%"))
        .await().atMost(Duration.ofMinutes(2));
    for (String table : new String[] {"evaluation", "series_state", "alert_event", "episode", "downtime",
        "last_observation", "pending_observation", "metric"}) {
      pool.preparedQuery("delete from alert." + table + " where metric_id like $1")
          .execute(Tuple.of(RUN + "_%")).await().atMost(Duration.ofMinutes(2));
    }
  }
}
