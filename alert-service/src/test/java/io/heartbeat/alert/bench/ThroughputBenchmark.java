package io.heartbeat.alert.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.messaging.ObservationListener;
import io.heartbeat.alert.service.EvaluationService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Benchmark, not a test (surefire skips *Benchmark). Run from the repository root:
 *   mvn -B -pl alert-service verify -Dtest=ThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     -DargLine=-Xmx512m
 * 1,000,000 observations (2,000 metrics x (total + 4 customers) = 10,000 series x 100 one-minute windows) are
 * produced to a fresh topic; a plain Kafka consumer that only deserializes them is timed, then alert-service's
 * paused observations channel is resumed and timed until every evaluation is written and published.
 */
@QuarkusTest
@TestProfile(ThroughputBenchmark.Profile.class)
class ThroughputBenchmark {

  static final String RUN = "bench" + Long.toString(System.currentTimeMillis(), 36);

  /** Fresh topics and group, the observations channel paused until the baseline has run, quiet logs. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String prefix = RUN + "-";
      return Map.ofEntries(
          Map.entry("mp.messaging.incoming.registry.topic", prefix + "heartbeat.registry"),
          Map.entry("mp.messaging.incoming.observations.topic", prefix + "heartbeat.observations"),
          Map.entry("mp.messaging.outgoing.evaluations.topic", prefix + "heartbeat.evaluations"),
          Map.entry("mp.messaging.outgoing.alerts.topic", prefix + "heartbeat.alerts"),
          Map.entry("mp.messaging.incoming.registry.group.id", RUN),
          Map.entry("mp.messaging.incoming.observations.group.id", RUN),
          Map.entry("mp.messaging.incoming.observations.pausable", "true"),
          Map.entry("mp.messaging.incoming.observations.pausable.initially-paused", "true"),
          Map.entry("heartbeat.alert.clock.rate", "1"),
          Map.entry("heartbeat.alert.stale.check-every", "1h"),
          // The production interval (%test checkpoints every second).
          Map.entry("heartbeat.alert.judgement.checkpoint-every", "30s"),
          Map.entry("quarkus.log.category.\"io.heartbeat\".level", "WARN"),
          Map.entry("quarkus.log.category.\"io.heartbeat.alert\".level", "DEBUG"));
    }
  }

  @Inject
  ChannelRegistry channels;

  @Inject
  MeterRegistry meters;

  @Inject
  Pool pool;

  @Inject
  ObjectMapper mapper;

  @Inject
  EvaluationService evaluations;

  @Test
  void judgeOneMillionObservations() {
    BenchData data = new BenchData(RUN, 2_000, 4, 100);
    try (BenchKafka kafka = new BenchKafka(RUN)) {
      data.define(kafka);
      Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> metricsInForce() == data.metrics());
      long produceNanos = data.observe(kafka);
      System.out.printf("produced %,d observations in %.1f s%n", data.observations(), produceNanos / 1e9);

      long baselineNanos = kafka.consumeAndDeserialize(data.observations(), mapper);
      double baseline = data.observations() / (baselineNanos / 1e9);
      System.out.printf("baseline: plain consumer, deserialize only: %,.0f obs/s%n", baseline);

      System.gc();
      long published0 = published();
      AtomicLong heapPeak = new AtomicLong();
      long t0 = System.nanoTime();
      channels.getPausable(ObservationListener.CHANNEL).resume();
      Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        heapPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        return published() - published0 >= data.observations();
      });
      long serviceNanos = System.nanoTime() - t0;
      long publishedAtEnd = published() - published0;
      evaluations.checkpoint().await().atMost(Duration.ofMinutes(2));
      long checkpointNanos = System.nanoTime() - t0;
      double service = data.observations() / (serviceNanos / 1e9);
      double liveMib = oldGenAfterGc() / 1048576.0;

      System.out.printf("published when done %d, after the final checkpoint %d, by status %s%n", publishedAtEnd,
          published() - published0, meters.find("heartbeat.evaluations.published").counters().stream()
              .map(c -> c.getId().getTag("status") + "=" + (long) c.count()).toList());
      assertEquals(data.observations(), published() - published0, "one evaluation published per observation");
      assertEquals(data.observations(), count("select count(*) from alert.evaluation where metric_id like $1"));
      assertEquals(data.series(), count("select count(*) from alert.series_state where metric_id like $1"
          + " and state->>'lastWindowStart' = '" + data.lastWindow() + "'"), "every series checkpointed in order");
      long alerts = count("select count(*) from alert.alert_event where metric_id like $1");
      System.out.printf("alert-service: %,.0f obs/s (%.1f s; with final checkpoint %.1f s), alert steps=%d,"
          + " heap used peak %.0f MiB (old gen after GC %.0f MiB) of max %.0f MiB%n", service, serviceNanos / 1e9,
          checkpointNanos / 1e9, alerts, heapPeak.get() / 1048576.0, liveMib,
          Runtime.getRuntime().maxMemory() / 1048576.0);
      System.out.printf("RESULT alert_throughput observations=%d series=%d baseline_obs_per_s=%.0f"
          + " service_obs_per_s=%.0f ratio=%.3f heap_used_peak_mib=%.0f old_gen_after_gc_mib=%.0f heap_max_mib=%.0f"
          + " alert_steps=%d%n", data.observations(), data.series(), baseline, service, service / baseline,
          heapPeak.get() / 1048576.0, liveMib, Runtime.getRuntime().maxMemory() / 1048576.0, alerts);
      kafka.deleteTopics();
    } finally {
      cleanUp();
    }
  }

  private long metricsInForce() {
    return count("select count(*) from alert.metric where metric_id like $1");
  }

  private long published() {
    return (long) meters.find("heartbeat.evaluations.published").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private long count(String sql) {
    return pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.of(RUN + "_%"))
        .await().indefinitely().iterator().next().getLong(0);
  }

  // The benchmark's million rows would otherwise stay in the shared test database.
  private void cleanUp() {
    for (String table : new String[] {"evaluation", "series_state", "alert_event", "episode", "downtime",
        "last_observation", "pending_observation", "metric"}) {
      pool.preparedQuery("delete from alert." + table + " where metric_id like $1")
          .execute(io.vertx.mutiny.sqlclient.Tuple.of(RUN + "_%")).await().atMost(Duration.ofMinutes(5));
    }
  }

  /** The live set after the last collection of the old generation: what the service really keeps. */
  private static long oldGenAfterGc() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old") && p.getCollectionUsage() != null)
        .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
  }

  static Instant start() {
    return Instant.parse("2026-05-04T00:00:00Z");
  }
}
