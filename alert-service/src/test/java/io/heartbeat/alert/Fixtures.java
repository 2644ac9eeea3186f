package io.heartbeat.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.model.EventId;

/** Contract-valid registry and observation events, built as their producers would, for unique test metrics. */
public final class Fixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {
  }

  /** A metric id no earlier run used: the test database and topics outlive a run. */
  public static String metricId(String name) {
    String suffix = Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    return "t_" + name + "_" + suffix;
  }

  public static String version(String metricId, String revision) {
    return EventId.of(metricId, revision).substring(0, 16);
  }

  /** A metric.defined event; norm and alert may be null. */
  public static ObjectNode definition(String metricId, String version, String direction, Double norm, Double alert,
      String period, int periodSeconds) {
    ObjectNode definition = JSON.createObjectNode()
        .put("name", "Test " + metricId)
        .put("code", EventId.of(metricId).substring(0, 4).toUpperCase(Locale.ROOT))
        .put("period", period)
        .put("periodSeconds", periodSeconds)
        .put("direction", direction)
        .put("unit", "count")
        .put("howToRead", "test metric")
        .put("methodology", "made by the test")
        .put("valueSql", "select 1 as value")
        .putNull("dimension")
        .put("normValue", norm)
        .put("alertValue", alert)
        .put("targetValue", 100.0)
        .put("targetDueDate", "2026-12-31")
        .putNull("benchmarkMean")
        .putNull("benchmarkStddev")
        .put("stage", "unverified")
        .putNull("owner")
        .putNull("verificationState")
        .putNull("runbook");
    definition.putArray("sources").add("marts.test");
    definition.putObject("anomaly").put("enabled", false).put("sensitivity", 3.0).put("triggerWindows", 1)
        .put("recoveryWindows", 1).put("minHistoryWindows", 0);
    definition.putArray("slas");
    definition.putArray("linkedServices");
    ObjectNode event = JSON.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", EventId.of("metric.defined", metricId, version))
        .put("type", "metric.defined")
        .put("metricId", metricId)
        .put("version", version)
        .put("state", "valid")
        .put("publishedAt", Instant.now().toString());
    event.set("definition", definition);
    event.putArray("problems");
    Contracts.assertValid(Contracts.DEFINITION, event);
    return event;
  }

  /** Changes the definition inside a metric.defined event (anomaly settings, SLAs, benchmark) and checks it again. */
  public static ObjectNode amend(ObjectNode event, Consumer<ObjectNode> change) {
    change.accept((ObjectNode) event.get("definition"));
    Contracts.assertValid(Contracts.DEFINITION, event);
    return event;
  }

  /** Sets trigger and recovery windows (anomaly band stays disabled: these also govern threshold episodes). */
  public static ObjectNode windows(ObjectNode event, int trigger, int recovery) {
    return amend(event, d -> ((ObjectNode) d.get("anomaly")).put("triggerWindows", trigger)
        .put("recoveryWindows", recovery));
  }

  /** An observation; status ok needs a value, error gets an error object, dimensionKind may be null. */
  public static ObjectNode observation(String metricId, String version, Instant windowStart, int periodSeconds,
      String status, Double value, String dimensionKind, String dimensionValue) {
    String slice = dimensionKind == null ? "*" : dimensionKind + "=" + dimensionValue;
    ObjectNode event = JSON.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", EventId.of(metricId, version, windowStart.toString(), slice))
        .put("metricId", metricId)
        .put("definitionVersion", version)
        .put("period", periodSeconds % 86400 == 0 ? periodSeconds / 86400 + "d" : periodSeconds / 60 + "m")
        .put("windowStart", windowStart.toString())
        .put("windowEnd", windowStart.plusSeconds(periodSeconds).toString())
        .put("computedAt", Instant.now().toString())
        .put("status", status)
        .put("value", value);
    if (dimensionKind == null) {
      event.putNull("dimension");
    } else {
      event.putObject("dimension").put("kind", dimensionKind).put("value", dimensionValue);
    }
    if ("error".equals(status)) {
      event.putObject("error").put("message", "relation marts.x does not exist").put("sqlState", "42P01");
    } else {
      event.putNull("error");
    }
    Contracts.assertValid(Contracts.OBSERVATION, event);
    return event;
  }

  public static String id(JsonNode event) {
    return event.get("id").asText();
  }
}
