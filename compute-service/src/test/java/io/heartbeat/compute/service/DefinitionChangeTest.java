package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.model.MetricDefinitionEvent;
import io.heartbeat.compute.model.MetricRecord;

/** What a registry event does to the stored metric: first sight, replays, invalid files, changes. */
class DefinitionChangeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T10:07:20Z");
  private static final Instant PUBLISHED = Instant.parse("2026-03-01T10:07:19Z");
  private static final JsonNode SQL_A = definition("select 1 as value");
  private static final JsonNode SQL_B = definition("select 2 as value");

  @Test
  void shouldActivateNewMetricNow() {
    MetricRecord created = DefinitionChange.next(null, event("valid", "v1", SQL_A, PUBLISHED), NOW).orElseThrow();

    assertEquals("v1", created.version());
    assertEquals(NOW, created.activeSince());
    assertNull(created.previousDefinition());
  }

  @Test
  void shouldChangeNothingOnReplay() {
    MetricRecord stored = stored("valid", "v1", SQL_A, null, null, null);

    assertEquals(Optional.empty(), DefinitionChange.next(stored, event("valid", "v1", SQL_A, PUBLISHED), NOW));
  }

  @Test
  void shouldIgnoreEventOlderThanTheAppliedOne() {
    MetricRecord stored = stored("valid", "v2", SQL_B, null, null, null);

    assertEquals(Optional.empty(), DefinitionChange.next(stored,
        event("valid", "v1", SQL_A, PUBLISHED.minusSeconds(60)), NOW));
  }

  @Test
  void shouldKeepLastGoodVersionWhenFileTurnsInvalid() {
    MetricRecord stored = stored("valid", "v1", SQL_A, null, null, null);

    MetricRecord next = DefinitionChange.next(stored, event("invalid", "v9", SQL_A, PUBLISHED), NOW).orElseThrow();

    assertEquals("invalid", next.state());
    assertEquals("v1", next.version());
    assertNull(next.effectiveFrom());
  }

  @Test
  void shouldTakeEffectAtNextWindow() {
    MetricRecord stored = stored("valid", "v1", SQL_A, null, null, null);

    MetricRecord next = DefinitionChange.next(stored, event("valid", "v2", SQL_B, PUBLISHED), NOW).orElseThrow();

    assertEquals("v2", next.version());
    assertEquals("v1", next.previousVersion());
    assertEquals(SQL_A, next.previousDefinition());
    assertEquals(Instant.parse("2026-03-01T10:08:00Z"), next.effectiveFrom(), "the window open at 10:07 keeps v1");
  }

  @Test
  void shouldKeepReplacedDefinitionWhenChangedTwiceInOneWindow() {
    Instant effective = Instant.parse("2026-03-01T10:08:00Z");
    MetricRecord stored = stored("valid", "v2", SQL_B, "v1", SQL_A, effective);

    MetricRecord next = DefinitionChange.next(stored, event("valid", "v3", SQL_A, PUBLISHED), NOW).orElseThrow();

    assertEquals("v3", next.version());
    assertEquals("v1", next.previousVersion());
    assertEquals(effective, next.effectiveFrom());
    assertTrue(next.activeSince().isBefore(NOW));
  }

  private static MetricRecord stored(String state, String version, JsonNode definition, String previousVersion,
      JsonNode previousDefinition, Instant effectiveFrom) {
    return new MetricRecord("metric_a", state, PUBLISHED, NOW.minusSeconds(3600), version,
        definition, previousVersion, previousDefinition, effectiveFrom);
  }

  private static MetricDefinitionEvent event(String state, String version, JsonNode definition, Instant published) {
    return new MetricDefinitionEvent(1, "id", MetricDefinitionEvent.DEFINED, "metric_a", version, state, published,
        definition, MAPPER.createArrayNode());
  }

  private static JsonNode definition(String sql) {
    return MAPPER.createObjectNode().put("period", "1m").put("periodSeconds", 60).put("valueSql", sql);
  }
}
