package io.heartbeat.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds metric-definition events as registry-service publishes them, checked against the contract. */
public final class DefinitionEvents {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode event = MAPPER.createObjectNode();
  private final ObjectNode definition = MAPPER.createObjectNode();

  private DefinitionEvents(String metricId, String valueSql) {
    event.put("schemaVersion", 1);
    event.put("type", "metric.defined");
    event.put("metricId", metricId);
    event.put("version", "0123456789abcdef");
    event.put("state", "valid");
    event.put("publishedAt", Instant.now().toString());
    event.set("definition", definition);
    event.putArray("problems");
    definition.put("name", "Compute test " + metricId);
    definition.put("code", "CT01");
    definition.put("period", "1m");
    definition.put("periodSeconds", 60);
    definition.put("direction", "higher_is_better");
    definition.put("unit", "count");
    definition.putNull("howToRead");
    definition.putNull("methodology");
    definition.putArray("sources").add("marts.compute_fixture");
    definition.put("valueSql", valueSql);
    definition.putNull("dimension");
    for (String field : Set.of("normValue", "alertValue", "targetValue", "targetDueDate", "benchmarkMean",
        "benchmarkStddev", "runbook", "owner", "verificationState")) {
      definition.putNull(field);
    }
    ObjectNode anomaly = definition.putObject("anomaly");
    anomaly.put("enabled", false);
    anomaly.put("sensitivity", 3);
    anomaly.put("triggerWindows", 3);
    anomaly.put("recoveryWindows", 3);
    anomaly.put("minHistoryWindows", 10);
    definition.putArray("slas");
    definition.putArray("linkedServices");
    definition.put("stage", "unverified");
  }

  public static DefinitionEvents defined(String metricId, String valueSql) {
    return new DefinitionEvents(metricId, valueSql);
  }

  public DefinitionEvents dimension(String kind) {
    definition.put("dimension", kind);
    return this;
  }

  public DefinitionEvents timeoutSeconds(int seconds) {
    definition.put("statementTimeoutSeconds", seconds);
    return this;
  }

  public DefinitionEvents historyDays(int days) {
    definition.put("historyDays", days);
    return this;
  }

  public DefinitionEvents dimensionCap(int cap) {
    definition.put("dimensionCap", cap);
    return this;
  }

  public DefinitionEvents minCount(int minCount) {
    definition.put("minCount", minCount);
    return this;
  }

  /** The lifecycle stage (docs/lifecycle.md); unverified unless told otherwise. */
  public DefinitionEvents stage(String stage) {
    definition.put("stage", stage);
    return this;
  }

  public DefinitionEvents version(String version) {
    event.put("version", version);
    return this;
  }

  public DefinitionEvents valueSql(String sql) {
    definition.put("valueSql", sql);
    return this;
  }

  public DefinitionEvents invalid() {
    event.put("state", "invalid");
    event.putArray("problems").addObject().put("file", "x.sql").put("line", 1).put("field", "code")
        .put("message", "broken on purpose");
    return this;
  }

  /** An invalid file that never had a good version: the contract sends a null definition. */
  public DefinitionEvents withoutDefinition() {
    event.putNull("definition");
    return this;
  }

  public DefinitionEvents removed() {
    event.put("type", "metric.removed");
    event.put("state", "removed");
    event.putNull("definition");
    return this;
  }

  /** The definition alone, as stored in compute.metric.definition. */
  public String definitionJson() throws Exception {
    return MAPPER.writeValueAsString(definition);
  }

  public String metricId() {
    return event.get("metricId").asText();
  }

  /** The event as JSON, with its deterministic id; fails the test if it breaks the contract. */
  public String json() throws Exception {
    event.put("id", Fixtures.sha256(event.get("type").asText() + "|" + metricId() + "|" + event.get("version").asText()));
    assertEquals(Set.of(), EventSchemas.definitionErrors(event), "test event must follow the contract");
    return MAPPER.writeValueAsString(event);
  }

  /** @return the registry partition the event landed on */
  public int publish() throws Exception {
    return Fixtures.sendRegistry(metricId(), json());
  }
}
