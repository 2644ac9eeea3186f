package io.heartbeat.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.registry.parse.MetricFileParser;

class MetricDefinitionTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private static MetricDefinition parse(String rollbackLine) {
    String file = """
        -- name: Checkout rollback
        -- code: CKRB
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: x
        -- linked_services: checkout-api
        %sselect count(*) as value from marts.t where t >= :window_start and t < :window_end
        """.formatted(rollbackLine);
    return new MetricFileParser(65536).parse("db/metrics/checkout_rollback.sql",
        file.getBytes(StandardCharsets.UTF_8)).definition();
  }

  @Test
  void shouldReadADefinitionStoredBeforeTheRollbackSwitchAsOn() throws Exception {
    // The registry keeps the last good definition as jsonb: one written before auto_rollback existed has no field,
    // and a primitive would read it as false, switching rollback off for every such metric.
    ObjectNode stored = MAPPER.valueToTree(parse("-- auto_rollback: false\n"));
    stored.remove("autoRollback");
    MetricDefinition read = MAPPER.treeToValue(stored, MetricDefinition.class);
    assertTrue(read.autoRollback());
    assertEquals("true", MAPPER.valueToTree(read).get("autoRollback").asText());
  }

  @Test
  void shouldKeepTheFileSwitchThroughStorageAndOperatorOverlay() throws Exception {
    MetricDefinition off = parse("-- auto_rollback: false\n");
    MetricDefinition stored = MAPPER.readValue(MAPPER.writeValueAsString(off), MetricDefinition.class);
    assertFalse(stored.autoRollback());
    // Not an operator field: an edit of the thresholds or a stage move leaves the file's switch as it is.
    OperatorFields edit = new OperatorFields(null, null, null, null, null, null, null, "team-checkout", Stage.VERIFIED);
    assertFalse(edit.overlay(stored).autoRollback());
    assertTrue(edit.overlay(parse("")).autoRollback());
  }
}
