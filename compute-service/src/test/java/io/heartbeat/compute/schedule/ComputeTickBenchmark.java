package io.heartbeat.compute.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.messaging.ObservationPublisher;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.service.PublishedMarks;
import io.heartbeat.compute.service.ValueQuery;
import io.heartbeat.compute.service.WindowClaims;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Benchmark, not a test (surefire runs *Test only). Run against the dev marts (14 days of demo data):
 * <pre>
 * HEARTBEAT_MARTS_DB=heartbeat_marts HEARTBEAT_TOPIC_PREFIX=bench-$(date +%s)- \
 *   mvn -B -o -pl compute-service verify -DskipITs -Dtest=ComputeTickBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * 1,000 metrics due at one tick, each an indexed count over one 5-minute window of the marts: time from the tick to
 * the last observation acknowledged by Kafka (plan, query, claim, publish, mark), against the same 1,000 queries
 * run by the same ValueQuery in a plain loop in the same process, no scheduler and no Kafka: once with the same
 * concurrency (the baseline of the ratio) and once one after the other. Then the tick's own steps alone.
 */
@QuarkusTest
@TestProfile(ComputeTickBenchmark.Profile.class)
class ComputeTickBenchmark {

  static final int METRICS = 1_000;
  // The first rounds warm up JIT, pools and the Kafka producer; the median of the others is reported (shared machine).
  static final int ROUNDS = 6;
  static final int WARM_UP_ROUNDS = 2;
  static final Duration PERIOD = Duration.ofMinutes(5);
  static final List<String> QUERIES = List.of(
      "select count(*) as value from marts.conversation_part where source = 'web_messenger' "
          + "and created_at >= :window_start and created_at < :window_end",
      "select count(*) as value from marts.conversation_part where source = 'inbox_teammate' "
          + "and created_at >= :window_start and created_at < :window_end",
      "select count(*) as value from marts.ai_agent_answer where created_at >= :window_start "
          + "and created_at < :window_end",
      "select count(*) as value from marts.inbox_interaction where created_at >= :window_start "
          + "and created_at < :window_end",
      "select count(*) as value from marts.checkout_attempt where created_at >= :window_start "
          + "and created_at < :window_end");

  /** The benchmark fires the tick itself. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.scheduler.enabled", "false");
    }
  }

  @Inject
  ComputeTick tick;

  @Inject
  ValueQuery query;

  @Inject
  ComputeConfig config;

  @Test
  void thousandMetricsDueAtOneTick() throws Exception {
    Instant now = Instant.now();
    Window window = WindowClock.lastClosed(now, PERIOD);
    Instant tickAt = now.isBefore(window.end().plus(config.settleDelay()))
        ? window.end().plus(config.settleDelay()) : now;
    List<String> sqls = new ArrayList<>();
    for (int i = 0; i < METRICS; i++) {
      // Distinct texts, as real metrics are; the same ones in both runs.
      sqls.add(QUERIES.get(i % QUERIES.size()) + " -- metric " + i);
    }
    List<Round> rounds = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      Round measured = round("r" + round + "_", sqls, window, tickAt, now);
      System.out.printf("round %d: %s%n", round, measured);
      if (round > WARM_UP_ROUNDS) {
        rounds.add(measured);
      }
    }
    long sequential = loop(sqls, window, 1);
    breakdown(window);
    Round median = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList().get(rounds.size() / 2);
    System.out.printf("load average %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.printf("RESULT compute_tick metrics=%d concurrency=%d tick_ms=%.1f planning_ms=%.1f loop_ms=%.1f "
            + "sequential_loop_ms=%.1f ratio=%.2f within_5s=%s tick_cpu_ms=%.0f loop_cpu_ms=%.0f worst_tick_ms=%.1f%n",
        METRICS, config.maxConcurrency(), median.tickNanos() / 1e6, median.planningNanos() / 1e6,
        median.loopNanos() / 1e6, sequential / 1e6, median.ratio(),
        rounds.stream().allMatch(r -> r.tickNanos() < Duration.ofSeconds(5).toNanos()), median.tickCpu() / 1e6,
        median.loopCpu() / 1e6, rounds.stream().mapToLong(Round::tickNanos).max().orElse(0) / 1e6);
  }

  /** One measurement on fresh metrics: plain loop, tick, plain loop again (the faster loop is the baseline). */
  private Round round(String prefix, List<String> sqls, Window window, Instant tickAt, Instant activeSince)
      throws Exception {
    Fixtures.execute("delete from compute.metric");
    insertMetrics(prefix, sqls, activeSince);
    long cpu0 = cpu();
    long loop1 = loop(sqls, window, config.maxConcurrency());
    long loopCpu = cpu() - cpu0;

    long tickCpu0 = cpu();
    long t0 = System.nanoTime();
    List<MetricSchedule> due = tick.startDue(tickAt).await().atMost(Duration.ofMinutes(1));
    long planning = System.nanoTime() - t0;
    int computed = tick.passes(due, tickAt).await().atMost(Duration.ofMinutes(5));
    long tickNanos = System.nanoTime() - t0;
    long tickCpu = cpu() - tickCpu0;

    long loop2 = loop(sqls, window, config.maxConcurrency());
    assertEquals(METRICS, computed, "every metric computed its one due window");
    assertEquals((long) METRICS, Fixtures.queryValue("select count(*) from compute.window_run where metric_id like ? "
        + "and published_at is not null", prefix + "%"), "every window acknowledged and marked published");
    return new Round(tickNanos, planning, Math.min(loop1, loop2), tickCpu, loopCpu);
  }

  /** Wall and JVM CPU nanoseconds of one round. */
  record Round(long tickNanos, long planningNanos, long loopNanos, long tickCpu, long loopCpu) {

    double ratio() {
      return (double) tickNanos / loopNanos;
    }

    @Override
    public String toString() {
      return String.format("tick %.1f ms (planning %.1f), plain loop %.1f ms, ratio %.2f; JVM CPU tick %.0f ms, "
          + "loop %.0f ms", tickNanos / 1e6, planningNanos / 1e6, loopNanos / 1e6, (double) tickNanos / loopNanos,
          tickCpu / 1e6, loopCpu / 1e6);
    }
  }

  @Inject
  ObservationPublisher publisher;

  @Inject
  WindowClaims claims;

  @Inject
  PublishedMarks marks;

  /** The tick's own steps alone, 1,000 of each at once, to show where its time beyond the queries goes. */
  private void breakdown(Window window) {
    String record = "{\"schemaVersion\":1,\"id\":\"x\",\"metricId\":\"bench\",\"value\":1}";
    measure("publish", i -> publisher.publishAll("bench_" + i, List.of(record)));
    measure("claim", i -> claims.claim(new WindowRun("brk_" + i, window.start(), window.end(), "v", Status.OK,
        Instant.now(), 1, null, "bench", null), "[" + record + "]").replaceWithVoid());
    measure("mark", i -> marks.mark("brk_" + i, window.start()));
  }

  private void measure(String name, IntFunction<Uni<Void>> step) {
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    Uni.join().all(IntStream.range(0, METRICS).mapToObj(step).toList()).andFailFast()
        .await().atMost(Duration.ofMinutes(2));
    System.out.printf("step %s x%d: %.1f ms wall, %.0f ms JVM CPU%n", name, METRICS, (System.nanoTime() - t0) / 1e6,
        (cpu() - cpu0) / 1e6);
  }

  /** CPU time this JVM used so far, all threads. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long loop(List<String> sqls, Window window, int concurrency) {
    long t0 = System.nanoTime();
    Multi.createFrom().iterable(sqls)
        .onItem().transformToUni(sql -> query.run(new MetricDefinition("5m", 300, sql, null, null), window))
        .merge(concurrency)
        .collect().asList()
        .await().atMost(Duration.ofMinutes(5));
    return System.nanoTime() - t0;
  }

  private static void insertMetrics(String prefix, List<String> sqls, Instant activeSince) throws Exception {
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement insert = connection.prepareStatement(
        "insert into compute.metric (metric_id, version, definition, state, published_at, active_since) "
            + "values (?, ?, ?::jsonb, 'valid', now(), ?)")) {
      for (int i = 0; i < sqls.size(); i++) {
        String metricId = prefix + i;
        String definition = DefinitionEvents.defined(metricId, sqls.get(i)).definitionJson()
            .replace("\"period\":\"1m\"", "\"period\":\"5m\"").replace("\"periodSeconds\":60", "\"periodSeconds\":300");
        insert.setString(1, metricId);
        insert.setString(2, Fixtures.VERSION);
        insert.setString(3, definition);
        insert.setTimestamp(4, Timestamp.from(activeSince));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
