package io.heartbeat.alert.notify.outbox;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a page says about the metric beyond the step, read from the definition alert.metric keeps whole (jsonb):
 * name and code, unit, how to read it, runbook, owner, SLAs, linked services, sources and whether a drop may roll a
 * deploy back (auto_rollback).
 */
record MetricFacts(String name, String code, String unit, String direction, String howToRead, String runbook,
    String owner, List<String> slas, List<String> linkedServices, List<String> sources, boolean autoRollback, long periodSeconds) {

  /** A metric whose definition is gone (removed while its episode was open) is named by its id. */
  static MetricFacts unknown(String metricId) {
    return new MetricFacts(metricId, metricId, null, null, null, null, null, List.of(), List.of(), List.of(), true, 0);
  }

  static MetricFacts of(String metricId, JsonNode definition) {
    if (definition == null || !definition.isObject()) {
      return unknown(metricId);
    }
    return new MetricFacts(text(definition, "name", metricId), text(definition, "code", metricId),
        text(definition, "unit", null), text(definition, "direction", null), text(definition, "howToRead", null),
        text(definition, "runbook", null), text(definition, "owner", null), texts(definition, "slas"),
        texts(definition, "linkedServices"), texts(definition, "sources"),
        // auto_rollback: absent (a definition from before the key) means the default, true.
        !definition.path("autoRollback").isBoolean() || definition.get("autoRollback").asBoolean(),
        definition.path("periodSeconds").asLong(0));
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    JsonNode array = node.get(field);
    if (array != null && array.isArray()) {
      array.forEach(item -> values.add(item.asText()));
    }
    return values;
  }
}
