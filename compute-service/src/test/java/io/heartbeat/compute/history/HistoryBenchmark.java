package io.heartbeat.compute.history;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.messaging.RegistryPartitions;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.schedule.WindowClock;
import io.heartbeat.compute.service.ValueQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;

/**
 * Benchmark, not a test (surefire runs *Test only). Run against the dev marts (14 days of demo data):
 * <pre>
 * HEARTBEAT_MARTS_DB=heartbeat_marts HEARTBEAT_TOPIC_PREFIX=bench-$(date +%s)- mvn -B -o -pl compute-service \
 *   verify -DskipITs -Dtest=HistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The eight metrics of db/metrics (their value_sql and dimension, history_days: 14) are defined on heartbeat.registry
 * at once; timed from the definitions to every history job done (computed, chunked, acknowledged by Kafka). Against
 * it, in the same run, a plain loop of the per-window queries through ValueQuery with the history's concurrency
 * (half the query slots), no mapping and no Kafka: over the last day only, extrapolated to the history's windows.
 */
@QuarkusTest
@TestProfile(HistoryBenchmark.Profile.class)
class HistoryBenchmark {

  static final int DAYS = 14;
  static final int LOOP_DAYS = 1;
  static final Duration MINUTE = Duration.ofMinutes(1);

  /** History on, as it ships. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("compute.history.enabled", "true");
    }
  }

  @Inject
  ValueQuery query;

  @Inject
  RegistryPartitions partitions;

  @Inject
  ComputeConfig config;

  @Test
  void eightMetricsFourteenDaysOfMinutes() throws Exception {
    List<Metric> metrics = metrics();
    await().atMost(Duration.ofSeconds(60)).until(partitions::owned, owned -> !owned.isEmpty());
    String run = "hb" + System.currentTimeMillis() % 1_000_000;
    List<String> ids = new ArrayList<>();

    long t0 = System.nanoTime();
    for (Metric metric : metrics) {
      String metricId = "bench_" + run + "_" + metric.name();
      ids.add(metricId);
      DefinitionEvents event = DefinitionEvents.defined(metricId, metric.sql()).historyDays(DAYS);
      if (metric.dimension() != null) {
        event.dimension(metric.dimension());
      }
      event.publish();
    }
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> done("bench_" + run + "_%", ids.size()));
    long historyNanos = System.nanoTime() - t0;
    long windows = (Long) Fixtures.queryValue("select sum(windows)::bigint from compute.history "
        + "where metric_id like ?", "bench_" + run + "_%");
    long chunks = (Long) Fixtures.queryValue("select sum(chunks)::bigint from compute.history "
        + "where metric_id like ?", "bench_" + run + "_%");

    Instant end = WindowClock.floor(Instant.now(), MINUTE);
    int concurrency = Math.max(1, config.maxConcurrency() / 2);
    List<Window> day = new ArrayList<>();
    for (Instant start = end.minus(Duration.ofDays(LOOP_DAYS)); start.isBefore(end); start = start.plus(MINUTE)) {
      day.add(new Window(start, start.plus(MINUTE)));
    }
    long t1 = System.nanoTime();
    Multi.createFrom().iterable(metrics)
        .onItem().transformToMultiAndConcatenate(metric -> Multi.createFrom().iterable(day)
            .map(window -> new Object[] {metric, window}))
        .onItem().transformToUni(pair -> query.run(((Metric) pair[0]).definition(), (Window) pair[1]))
        .merge(concurrency)
        .collect().asList()
        .await().atMost(Duration.ofMinutes(30));
    long loopMeasured = System.nanoTime() - t1;
    long loopWindows = (long) day.size() * metrics.size();
    double loopNanos = loopMeasured * ((double) windows / loopWindows);

    System.out.printf("history: %d metrics, %d windows, %d chunks in %.0f ms (%.0f windows/s)%n", metrics.size(),
        windows, chunks, historyNanos / 1e6, windows / (historyNanos / 1e9));
    System.out.printf("plain loop: %d per-window queries (%d day) in %.0f ms at concurrency %d, extrapolated to %d "
        + "windows: %.0f ms%n", loopWindows, LOOP_DAYS, loopMeasured / 1e6, concurrency, windows, loopNanos / 1e6);
    System.out.printf("load average %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.printf("RESULT compute_history metrics=%d windows=%d history_ms=%.0f loop_ms=%.0f ratio=%.3f%n",
        metrics.size(), windows, historyNanos / 1e6, loopNanos / 1e6, historyNanos / loopNanos);
  }

  private static boolean done(String pattern, int metrics) throws Exception {
    return (Long) Fixtures.queryValue("select count(*) from compute.history where state = 'done' "
        + "and metric_id like ?", pattern) == metrics;
  }

  /** One db/metrics file: its name, value_sql (the body after the header) and dimension. */
  record Metric(String name, String sql, String dimension) {

    MetricDefinition definition() {
      return new MetricDefinition("1m", 60, sql, dimension, null);
    }
  }

  private static List<Metric> metrics() throws IOException {
    List<Metric> metrics = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../db/metrics"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql") && !f.getFileName().toString().startsWith("_"))
          .sorted().toList()) {
        String dimension = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("-- dimension:")) {
            dimension = line.substring("-- dimension:".length()).trim();
          } else if (!line.startsWith("--") && !(body.isEmpty() && line.isBlank())) {
            body.append(line).append('\n');
          }
        }
        metrics.add(new Metric(file.getFileName().toString().replace(".sql", ""), body.toString().trim(), dimension));
      }
    }
    return metrics;
  }
}
