package io.heartbeat.alert.bench;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.model.EventId;

/**
 * The benchmark's heartbeats: metrics of period 1m with customer dimensions, values around a per-metric level with a
 * daily wave and noise; one metric in a hundred drops by half for ten windows (red, an episode, SLA downtime).
 */
final class BenchData {

  private static final String[] CUSTOMERS = {"acme", "globex", "initech", "umbrella", "hooli", "stark"};

  private final String run;
  private final int metrics;
  private final int dimensions;
  private final int windows;

  BenchData(String run, int metrics, int dimensions, int windows) {
    this.run = run;
    this.metrics = metrics;
    this.dimensions = dimensions;
    this.windows = windows;
  }

  int metrics() {
    return metrics;
  }

  long series() {
    return (long) metrics * (dimensions + 1);
  }

  long observations() {
    return series() * windows;
  }

  Instant lastWindow() {
    return ThroughputBenchmark.start().plusSeconds(60L * (windows - 1));
  }

  String metricId(int m) {
    return String.format(Locale.ROOT, "%s_m%05d", run, m);
  }

  String version(int m) {
    return Fixtures.version(metricId(m), "v1");
  }

  /** Publishes every definition: 1m, higher_is_better, norm 80 and alert 60, anomaly band on, in core-platform. */
  void define(BenchKafka kafka) {
    for (int m = 0; m < metrics; m++) {
      ObjectNode event = Fixtures.definition(metricId(m), version(m), "higher_is_better", 80.0, 60.0, "1m", 60);
      ObjectNode definition = (ObjectNode) event.get("definition");
      definition.put("dimension", "customer");
      definition.putArray("slas").add("core-platform");
      ((ObjectNode) definition.get("anomaly")).put("enabled", true).put("triggerWindows", 3)
          .put("recoveryWindows", 5).put("minHistoryWindows", 1440);
      if (m == 0) {
        Contracts.assertValid(Contracts.DEFINITION, event);
      }
      kafka.sendDefinition(metricId(m), event.toString());
    }
    kafka.flush();
  }

  /** Produces every observation, window by window (as compute-service would), and returns the time it took. */
  long observe(BenchKafka kafka) {
    long t0 = System.nanoTime();
    for (int w = 0; w < windows; w++) {
      Instant start = ThroughputBenchmark.start().plusSeconds(60L * w);
      for (int m = 0; m < metrics; m++) {
        double total = value(m, w);
        kafka.sendObservation(metricId(m), json(m, start, total, null));
        for (int d = 0; d < dimensions; d++) {
          kafka.sendObservation(metricId(m), json(m, start, total * (d + 1) / (dimensions * (dimensions + 1) / 2.0),
              CUSTOMERS[d % CUSTOMERS.length]));
        }
      }
    }
    kafka.flush();
    return System.nanoTime() - t0;
  }

  private double value(int m, int w) {
    double level = 100 + (m % 50);
    double wave = 1 + 0.05 * Math.sin(2 * Math.PI * w / 1440.0 + m);
    double noise = ((m * 31L + w * 17L) % 7 - 3) * 0.5;
    boolean drop = m % 100 == 7 && w >= 50 && w < 60;
    return Math.round((level * wave + noise) * (drop ? 0.5 : 1) * 100) / 100.0;
  }

  private String json(int m, Instant start, double value, String customer) {
    String metricId = metricId(m);
    String version = version(m);
    String slice = customer == null ? "*" : "customer=" + customer;
    String id = EventId.of(metricId, version, start.toString(), slice);
    String dimension = customer == null ? "null" : "{\"kind\":\"customer\",\"value\":\"" + customer + "\"}";
    String json = "{\"schemaVersion\":1,\"id\":\"" + id + "\",\"metricId\":\"" + metricId
        + "\",\"definitionVersion\":\"" + version + "\",\"period\":\"1m\",\"windowStart\":\"" + start
        + "\",\"windowEnd\":\"" + start.plusSeconds(60) + "\",\"computedAt\":\"" + start.plusSeconds(90)
        + "\",\"status\":\"ok\",\"value\":" + value + ",\"dimension\":" + dimension + ",\"error\":null}";
    if (m == 0 && start.equals(ThroughputBenchmark.start())) {
      try {
        Contracts.assertValid(Contracts.OBSERVATION, Fixtures.JSON.readTree(json));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return json;
  }
}
