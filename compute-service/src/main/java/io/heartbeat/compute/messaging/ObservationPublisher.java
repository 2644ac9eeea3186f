package io.heartbeat.compute.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.model.ObservationEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** heartbeat.observations out, keyed by metricId; each Uni completes when the broker acknowledged the record. */
@ApplicationScoped
public class ObservationPublisher {

  public static final String CHANNEL = "observations";

  private final MutinyEmitter<String> emitter;
  private final ObjectMapper mapper;

  public ObservationPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper) {
    this.emitter = emitter;
    this.mapper = mapper;
  }

  /** Sends in list order (the total first); fails if any record is not acknowledged. */
  public Uni<Void> publishAll(List<ObservationEvent> observations) {
    return Uni.join().all(observations.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
  }

  public Uni<Void> publish(ObservationEvent observation) {
    String json;
    try {
      json = mapper.writeValueAsString(observation);
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    Message<String> message = Message.of(json)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(observation.metricId()).build());
    return emitter.sendMessage(message);
  }
}
