package io.heartbeat.compute.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

/**
 * heartbeat.observations out, keyed by metricId; each Uni completes when the broker acknowledged the record. Records
 * go straight to the channel's producer (configured as any outgoing channel), not through the message pipeline: a
 * tick sends a thousand at once and only needs each acknowledgement.
 */
@ApplicationScoped
public class ObservationPublisher {

  public static final String CHANNEL = "observations";

  private final KafkaClientService kafka;
  private final String topic;
  private final ObjectMapper mapper;
  private volatile KafkaProducer<String, String> producer;

  // The emitter declares the channel, so the connector builds its producer from mp.messaging.outgoing.observations.*.
  public ObservationPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService kafka,
      @ConfigProperty(name = "mp.messaging.outgoing.observations.topic") String topic, ObjectMapper mapper) {
    this.kafka = kafka;
    this.topic = topic;
    this.mapper = mapper;
  }

  /**
   * The record value of an observation or a history chunk: what is sent, and what a claim keeps as payload until
   * it is.
   */
  public String json(Object event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event cannot be written as JSON", e);
    }
  }

  /**
   * Sends records in list order (one window's total first, or a history's chunks oldest first; one key, one
   * partition, and the idempotent producer keeps their order); fails if any is not acknowledged.
   */
  public Uni<Void> publishAll(String metricId, List<String> records) {
    KafkaProducer<String, String> sender = producer();
    return Uni.join().all(records.stream().map(record -> sender.send(new ProducerRecord<>(topic, metricId, record)))
        .toList()).andFailFast().replaceWithVoid();
  }

  private KafkaProducer<String, String> producer() {
    KafkaProducer<String, String> current = producer;
    if (current == null) {
      current = kafka.getProducer(CHANNEL);
      producer = current;
    }
    return current;
  }
}
