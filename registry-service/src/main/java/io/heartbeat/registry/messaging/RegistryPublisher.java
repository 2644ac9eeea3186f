package io.heartbeat.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.registry.model.MetricDefinitionEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes metric definitions on heartbeat.registry, keyed by metric_id; the Uni completes when the broker acked. */
@ApplicationScoped
public class RegistryPublisher {

  public static final String CHANNEL = "registry";
  private final MutinyEmitter<String> emitter;
  private final ObjectMapper mapper;

  public RegistryPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
      MutinyEmitter<String> emitter, ObjectMapper mapper) {
    this.emitter = emitter;
    this.mapper = mapper;
  }

  public Uni<Void> publish(MetricDefinitionEvent event) {
    String json;
    try {
      json = mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    return emitter.sendMessage(Message.of(json).addMetadata(
        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.metricId()).build()));
  }
}
