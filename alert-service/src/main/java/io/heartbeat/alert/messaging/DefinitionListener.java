package io.heartbeat.alert.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.model.MetricDefinitionEvent;
import io.heartbeat.alert.service.DefinitionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Reads the compacted heartbeat.registry; a tombstone (null value) removes the metric. */
@ApplicationScoped
public class DefinitionListener {

  public static final String CHANNEL = "registry";

  private final ObjectMapper mapper;
  private final DefinitionService definitions;

  public DefinitionListener(ObjectMapper mapper, DefinitionService definitions) {
    this.mapper = mapper;
    this.definitions = definitions;
  }

  @Incoming(CHANNEL)
  public Uni<Void> onDefinition(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      if (record.key() == null) {
        return skip(record, "tombstone without key");
      }
      return definitions.remove(record.key());
    }
    MetricDefinitionEvent event;
    JsonNode definition;
    try {
      JsonNode tree = mapper.readTree(record.value());
      event = mapper.treeToValue(tree, MetricDefinitionEvent.class);
      definition = tree.get("definition");
      if (event.schemaVersion() != 1 || event.metricId() == null || event.version() == null) {
        return skip(record, "required fields missing or unsupported schemaVersion");
      }
      if (!event.withdrawsMetric() && !event.definition().isJudgeable()) {
        return skip(record, "definition without period, direction or a known stage");
      }
    } catch (Exception e) {
      return skip(record, e.getMessage());
    }
    if (event.withdrawsMetric()) {
      return definitions.remove(event.metricId());
    }
    return definitions.apply(event, definition.toString());
  }

  // A poison message must not stop the channel: log where it is and move on.
  private Uni<Void> skip(ConsumerRecord<String, String> record, String reason) {
    Log.warnf("Skipped unreadable definition topic=%s partition=%d offset=%d key=%s reason=%s",
        record.topic(), record.partition(), record.offset(), record.key(), reason);
    return Uni.createFrom().voidItem();
  }
}
