package io.heartbeat.compute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what the service really published on heartbeat.observations, from the beginning of the topic. */
public final class ObservationTopic implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

  public ObservationTopic() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Fixtures.bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "compute-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(Fixtures.observationsTopic()));
  }

  /** Polls once more and returns every record of the metric seen so far, in topic order. */
  public synchronized List<ConsumerRecord<String, String>> records(String metricId) {
    consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    return records.stream().filter(record -> metricId.equals(record.key())).toList();
  }

  /** The metric's live observations, in topic order; history chunks are left out. */
  public List<JsonNode> observations(String metricId) {
    return events(metricId).stream().filter(event -> !isHistory(event)).toList();
  }

  /** The metric's history chunks, in topic order. */
  public List<JsonNode> history(String metricId) {
    return events(metricId).stream().filter(ObservationTopic::isHistory).toList();
  }

  /** Everything published for the metric, chunks and observations, in topic order. */
  public List<JsonNode> events(String metricId) {
    return records(metricId).stream().map(record -> parse(record.value())).toList();
  }

  public static boolean isHistory(JsonNode event) {
    return "history".equals(event.path("type").asText());
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("observation is not JSON: " + json, e);
    }
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
