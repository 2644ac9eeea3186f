package io.heartbeat.cockpit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.heartbeat.cockpit.Fixtures;
import io.quarkus.test.junit.QuarkusTestProfile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishes a cockpit's worth of metrics as the services do (registry definitions on heartbeat.registry, then a few
 * banded evaluations each on heartbeat.evaluations, with broker acks), for the cockpit benchmarks. Windows are 5
 * minutes and the newest ends at the last 5-minute boundary, so the shipped stale clock leaves the tiles fresh.
 */
final class BenchSeed {

  static final Duration PERIOD = Duration.ofMinutes(5);
  static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  /**
   * The shipped settings where %test differs from them for the cockpit's paths (the tests' stale grace of 48h), a
   * consumer group of the run's own (the shared broker's cockpit-api group is joined by every other test run, and each
   * join would rebalance this one), and no hang report while a phase runs.
   */
  public static class Shipped implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> overrides = new HashMap<>();
      overrides.put("cockpit.stale.grace", "30s");
      for (String channel : List.of("registry", "evaluations", "alerts", "deployments", "notifications")) {
        overrides.put("mp.messaging.incoming." + channel + ".group.id", "cockpit-bench-" + RUN);
      }
      overrides.put("quarkus.test.hang-detection-timeout", "60m");
      return overrides;
    }
  }

  /** The metrics published and the start of each one's newest window. */
  record Seeded(List<String> ids, Instant lastWindow) {
  }

  private final KafkaProducer<String, String> producer;

  BenchSeed() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(props);
  }

  static String topic(String channel) {
    return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
  }

  /** metrics definitions, then evaluationsEach banded evaluations per metric (oldest first), all acked. */
  Seeded seed(int metrics, int evaluationsEach) throws Exception {
    long start = System.nanoTime();
    Instant lastWindow = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    lastWindow = lastWindow.minus(Duration.ofMinutes(lastWindow.atZone(java.time.ZoneOffset.UTC).getMinute() % 5))
        .minus(PERIOD);
    List<String> ids = new ArrayList<>(metrics);
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (int m = 0; m < metrics; m++) {
      String id = Fixtures.metricId("bench" + RUN + "_" + m);
      ids.add(id);
      String code = String.format(Locale.ROOT, "B%03d", m % 1000);
      ObjectNode defined = Fixtures.defined(id, code, "Bench metric " + m, Instant.now());
      acks.add(producer.send(new ProducerRecord<>(topic(Fixtures.REGISTRY), id, defined.toString())));
    }
    waitAll(acks);
    acks.clear();
    for (int w = evaluationsEach - 1; w >= 0; w--) {
      Instant windowStart = lastWindow.minus(PERIOD.multipliedBy(w));
      for (int m = 0; m < metrics; m++) {
        ObjectNode e = evaluation(ids.get(m), windowStart, 100 + m % 50 + w, m == 0);
        acks.add(producer.send(new ProducerRecord<>(topic(Fixtures.EVALUATIONS), ids.get(m), e.toString())));
      }
    }
    waitAll(acks);
    System.out.printf(Locale.ROOT, "bench seeded metrics=%d evaluations=%d ms=%d%n", metrics,
        metrics * evaluationsEach, (System.nanoTime() - start) / 1_000_000);
    return new Seeded(ids, lastWindow);
  }

  /** A banded green evaluation as alert-service words it (checked against the schema when check is true). */
  static ObjectNode evaluation(String id, Instant windowStart, double value, boolean check) {
    ObjectNode e = Fixtures.evaluation(id, windowStart, "green", value, Instant.now(), false);
    e.putObject("band").put("expected", value + 1).put("lower", value - 30).put("upper", value + 30);
    return check ? Fixtures.checkEvaluation(e) : e;
  }

  /** Sends one record and returns once the broker acknowledged it. */
  void sendAcked(String topic, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }

  void close() {
    producer.close();
  }

  private static void waitAll(List<Future<RecordMetadata>> acks) throws Exception {
    for (Future<RecordMetadata> ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "n/a";
    }
  }

  /** The q-quantile (0..1) of sorted nanosecond samples, in milliseconds. */
  static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
