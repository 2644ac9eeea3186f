package io.heartbeat.alert.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.model.ObservationEvent;

/** The benchmark's own Kafka clients: a fast producer, the baseline consumer, and topic clean-up. */
final class BenchKafka implements AutoCloseable {

  private final String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  private final String run;
  private final KafkaProducer<String, String> producer;

  BenchKafka(String run) {
    this.run = run;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
    producer = new KafkaProducer<>(props);
  }

  void sendDefinition(String metricId, String json) {
    producer.send(new ProducerRecord<>(run + "-heartbeat.registry", metricId, json));
  }

  void sendObservation(String metricId, String json) {
    producer.send(new ProducerRecord<>(run + "-heartbeat.observations", metricId, json));
  }

  void flush() {
    producer.flush();
  }

  /**
   * The baseline: a plain consumer in a fresh group reads the observations and only deserializes them (the same
   * record class and mapper as the service); timed from the first record to the last.
   */
  long consumeAndDeserialize(long expected, ObjectMapper mapper) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-baseline");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(run + "-heartbeat.observations"));
      long count = 0;
      long checksum = 0;
      long t0 = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (count < expected && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (t0 == 0 && !records.isEmpty()) {
          t0 = System.nanoTime();
        }
        for (ConsumerRecord<String, String> record : records) {
          checksum += mapper.readValue(record.value(), ObservationEvent.class).windowStart().getEpochSecond();
          count++;
        }
      }
      if (count < expected || checksum == 0) {
        throw new IllegalStateException("baseline read " + count + " of " + expected);
      }
      return System.nanoTime() - t0;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The run's topics hold about 1.5 GB: delete them. */
  void deleteTopics() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (Admin admin = Admin.create(props)) {
      admin.deleteTopics(List.of(run + "-heartbeat.registry", run + "-heartbeat.observations",
          run + "-heartbeat.evaluations", run + "-heartbeat.alerts")).all().get(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      System.out.println("topics not deleted: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
