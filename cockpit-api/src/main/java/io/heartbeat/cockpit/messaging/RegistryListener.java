package io.heartbeat.cockpit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.heartbeat.cockpit.model.MetricDefinitionEvent;
import io.heartbeat.cockpit.service.RegistryProjection;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads heartbeat.registry (compacted, tombstones included) into the cockpit's metric table. */
@ApplicationScoped
public class RegistryListener {

  public static final String CHANNEL = "registry";

  private final ObjectMapper mapper;
  private final RegistryProjection projection;
  private final EventTally tally;

  public RegistryListener(ObjectMapper mapper, RegistryProjection projection, EventTally tally) {
    this.mapper = mapper;
    this.projection = projection;
    this.tally = tally;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      if (record.key() == null) {
        return tally.skip(CHANNEL, record, "tombstone without key");
      }
      return tally.settle(CHANNEL, projection.tombstone(record.key()));
    }
    JsonNode tree;
    MetricDefinitionEvent event;
    try {
      tree = mapper.readTree(record.value());
      event = mapper.treeToValue(tree, MetricDefinitionEvent.class);
    } catch (JsonProcessingException e) {
      return tally.skip(CHANNEL, record, e.getOriginalMessage());
    }
    if (event == null || event.metricId() == null || event.type() == null || event.publishedAt() == null) {
      return tally.skip(CHANNEL, record, "metricId, type or publishedAt missing");
    }
    if (!event.removed() && event.definition() != null && !event.definition().displayable()) {
      return tally.skip(CHANNEL, record, "definition lacks name, code, unit, direction, period or stage");
    }
    // The definition goes to jsonb as received, so fields this version does not model are kept.
    String definitionJson = tree.path("definition").toString();
    return tally.settle(CHANNEL, projection.apply(event, definitionJson));
  }
}
