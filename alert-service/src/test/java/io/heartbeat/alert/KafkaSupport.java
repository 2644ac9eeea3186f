package io.heartbeat.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Talks to the real broker the way other services do: raw JSON strings keyed by metricId. */
public final class KafkaSupport implements AutoCloseable {

  public static final Duration PATIENCE = Duration.ofSeconds(90);

  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final List<JsonNode> evaluations = new ArrayList<>();
  private final List<JsonNode> alerts = new ArrayList<>();
  private final String evaluationTopic = config("mp.messaging.outgoing.evaluations.topic");

  public KafkaSupport() {
    String servers = config("kafka.bootstrap.servers");
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(producerProps);
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-service-test-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(consumerProps);
    consumer.subscribe(List.of(evaluationTopic, config("mp.messaging.outgoing.alerts.topic")));
  }

  public void sendDefinition(String metricId, JsonNode event) {
    send(config("mp.messaging.incoming.registry.topic"), metricId, event == null ? null : event.toString());
  }

  public void sendObservation(String metricId, String json) {
    send(config("mp.messaging.incoming.observations.topic"), metricId, json);
  }

  /**
   * A new metric id (Fixtures.metricId(name)) whose observations share metricId's partition: one sent after
   * metricId's is judged after them, so once it is judged, theirs were too, even when they left no trace.
   */
  public String onSamePartition(String metricId, String name) {
    int partitions = producer.partitionsFor(config("mp.messaging.incoming.observations.topic")).size();
    int wanted = partition(metricId, partitions);
    while (true) {
      String candidate = Fixtures.metricId(name);
      if (partition(candidate, partitions) == wanted) {
        return candidate;
      }
    }
  }

  // The producer's own choice for a keyed record (BuiltInPartitioner.partitionForKey).
  private static int partition(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Every evaluation received so far (all metrics); each one is checked against the contract and its key. */
  public synchronized List<JsonNode> evaluations() {
    poll();
    return List.copyOf(evaluations);
  }

  /** Every alert step received so far (all metrics); each one is checked against the contract and its key. */
  public synchronized List<JsonNode> alerts() {
    poll();
    return List.copyOf(alerts);
  }

  public List<JsonNode> alerts(Predicate<JsonNode> filter) {
    return alerts().stream().filter(filter).toList();
  }

  /** Waits until the alert steps matching the filter are exactly count, and returns them in order. */
  public List<JsonNode> awaitAlerts(Predicate<JsonNode> filter, int count) {
    Awaitility.await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50))
        .until(() -> alerts(filter).size() >= count);
    return alerts(filter);
  }

  private void poll() {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      boolean evaluation = record.topic().equals(evaluationTopic);
      try {
        JsonNode event = Fixtures.JSON.readTree(record.value());
        Contracts.assertValid(evaluation ? Contracts.EVALUATION : Contracts.ALERT, event);
        if (!event.get("metricId").asText().equals(record.key())) {
          throw new AssertionError("event keyed " + record.key() + " for metric " + event.get("metricId"));
        }
        (evaluation ? evaluations : alerts).add(event);
      } catch (JsonProcessingException e) {
        throw new AssertionError("event is not JSON: " + record.value(), e);
      }
    }
  }

  public List<JsonNode> evaluations(Predicate<JsonNode> filter) {
    return evaluations().stream().filter(filter).toList();
  }

  /** Waits for the first evaluation matching the filter. */
  public JsonNode awaitEvaluation(Predicate<JsonNode> filter) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    Awaitility.await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50))
        .until(() -> {
          evaluations(filter).stream().findFirst().ifPresent(found::set);
          return found.get() != null;
        });
    return found.get();
  }

  public static Predicate<JsonNode> of(String observationId, String definitionVersion) {
    return e -> e.get("observationId").asText().equals(observationId)
        && e.get("definitionVersion").asText().equals(definitionVersion);
  }

  private void send(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("send to " + topic + " failed", e);
    }
  }

  private static String config(String key) {
    return ConfigProvider.getConfig().getValue(key, String.class);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close(Duration.ofSeconds(5));
  }
}
