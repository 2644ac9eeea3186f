package io.heartbeat.compute.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.model.MetricDefinitionEvent;
import io.heartbeat.compute.service.DefinitionSync;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** heartbeat.registry in: definition events and tombstones go to {@link DefinitionSync}; poison is skipped. */
@ApplicationScoped
public class RegistryListener {

  public static final String CHANNEL = "registry";

  private final DefinitionSync sync;
  private final ObjectMapper mapper;

  public RegistryListener(DefinitionSync sync, ObjectMapper mapper) {
    this.sync = sync;
    this.mapper = mapper;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    Uni<Void> applied;
    if (record.value() == null) {
      if (record.key() == null) {
        return skip(record, "tombstone without key");
      }
      applied = sync.remove(record.key(), "tombstone");
    } else {
      MetricDefinitionEvent event;
      try {
        event = mapper.readValue(record.value(), MetricDefinitionEvent.class);
      } catch (JsonProcessingException e) {
        return skip(record, "unparseable JSON: " + e.getOriginalMessage());
      }
      if (event.metricId() == null || event.type() == null) {
        return skip(record, "metricId or type missing");
      }
      applied = sync.apply(event, record.partition());
    }
    // A database hiccup is retried; when it lasts, the failure stops the channel and readiness goes DOWN
    // rather than silently losing a definition.
    return applied.onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
  }

  private static Uni<Void> skip(ConsumerRecord<String, String> record, String reason) {
    Log.warnf("registry event skipped topic=%s partition=%d offset=%d key=%s reason=%s", record.topic(),
        record.partition(), record.offset(), record.key(), reason);
    return Uni.createFrom().voidItem();
  }
}
