package io.heartbeat.cockpit.messaging;

import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Fixtures;
import io.heartbeat.cockpit.Tiles;
import io.heartbeat.cockpit.model.EvaluationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How fast the cockpit absorbs a fresh install's history burst: 8 metrics x 20,160 metric-level evaluations, oldest
 * first per metric, as alert-service publishes them. Not part of the default run (the name does not end in Test):
 * <pre>
 * HEARTBEAT_TOPIC_PREFIX=cockpit-bench-$(date +%s)- mvn -B -pl cockpit-api verify -Dtest=EvaluationThroughputBench \
 *   [-Dbench.metrics=8 -Dbench.windows=20160 -Dbench.retention=48h]
 * </pre>
 * The evaluations channel starts paused; the burst is published first, then the channel resumes and the clock runs
 * until every record is counted in cockpit.events. A plain consumer deserializing the same records is the baseline.
 * -Dbench.retention=5000h keeps every point (the worst case: no history window falls outside the retention).
 */
@QuarkusTest
@TestProfile(EvaluationThroughputBench.Paused.class)
class EvaluationThroughputBench {

  static final int METRICS = Integer.getInteger("bench.metrics", 8);
  static final int WINDOWS = Integer.getInteger("bench.windows", 20_160);
  static final Duration PERIOD = Duration.ofMinutes(5);

  /** The evaluations channel waits for the test to publish the burst before it consumes anything. */
  public static class Paused implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.incoming.evaluations.pausable", "true",
          "mp.messaging.incoming.evaluations.pausable.initially-paused", "true",
          "cockpit.series.retention", System.getProperty("bench.retention", "48h"));
    }
  }

  @Inject
  ChannelRegistry channels;

  @Inject
  MeterRegistry meters;

  @Inject
  ObjectMapper mapper;

  @Test
  void measureHistoryBurst() throws Exception {
    int total = METRICS * WINDOWS;
    String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.evaluations.topic", String.class);
    List<String> ids = new ArrayList<>();
    for (int m = 0; m < METRICS; m++) {
      String id = metricId("bench" + m);
      ids.add(id);
      send(REGISTRY, id, defined(id, code(), "Bench metric " + m, Instant.now()));
    }
    Instant last = Instant.now().truncatedTo(ChronoUnit.HOURS);
    publish(topic, ids, last);

    double before = consumed();
    long start = System.nanoTime();
    channels.getPausable(EvaluationListener.CHANNEL).resume();
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> consumed() - before >= total);
    long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    print("cockpit_projection", total, ms);

    long baseline = plainConsumer(topic, total);
    print("plain_consumer", total, baseline);

    // The burst really landed: every tile shows its metric's newest window, band and "live" (history learned).
    for (String id : ids) {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals(last.toString(), tile.get("windowStart"));
      assertNotNull(tile.get("band"));
    }
  }

  private void publish(String topic, List<String> ids, Instant last) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      Future<RecordMetadata> lastSend = null;
      // Interleaved across metrics as several history streams would be, oldest first per metric.
      for (int w = 0; w < WINDOWS; w++) {
        Instant windowStart = last.minus(PERIOD.multipliedBy(WINDOWS - 1 - w));
        for (String id : ids) {
          ObjectNode event = history(id, windowStart, w);
          if (w == 0 || w == WINDOWS - 1) {
            Fixtures.checkEvaluation(event);
          }
          lastSend = producer.send(new ProducerRecord<>(topic, id, event.toString()));
        }
      }
      producer.flush();
      lastSend.get();
    }
    System.out.printf(Locale.ROOT, "bench published evaluations=%d ms=%d%n", ids.size() * WINDOWS,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** One history evaluation as alert-service words it: progress prefix, band after the warm-up. */
  private static ObjectNode history(String id, Instant windowStart, int w) {
    double value = 100 + 20 * Math.sin(w / 288.0 * 2 * Math.PI);
    ObjectNode e = Fixtures.evaluation(id, windowStart, "green", value, windowStart.plus(PERIOD), false);
    String prefix = w == WINDOWS - 1
        ? String.format(Locale.ROOT, "history learned: %,d windows; ", WINDOWS)
        : String.format(Locale.ROOT, "learning history: %,d of %,d windows; ", w + 1, WINDOWS);
    e.put("rule", prefix + "green: value within the band");
    if (w >= 12) {
      e.putObject("band").put("expected", value + 1).put("lower", value - 30).put("upper", value + 30);
    } else {
      e.putNull("band");
    }
    return e;
  }

  private long plainConsumer(String topic, int total) throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "cockpit-bench-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long start = System.nanoTime();
      int seen = 0;
      while (seen < total) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          EvaluationEvent event = mapper.readValue(record.value(), EvaluationEvent.class);
          if (event.metricId() != null) {
            seen++;
          }
        }
        if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
          throw new IllegalStateException("plain consumer saw only " + seen + " of " + total);
        }
      }
      return Math.max(1, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private double consumed() {
    return meters.find("cockpit.events").tag("channel", EvaluationListener.CHANNEL).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private static void print(String name, int total, long ms) {
    System.out.printf(Locale.ROOT, "RESULT %s evaluations=%d ms=%d per_s=%d%n", name, total, ms, total * 1000L / ms);
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }
}
