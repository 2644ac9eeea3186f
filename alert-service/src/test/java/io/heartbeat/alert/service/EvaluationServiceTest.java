package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The judgement end to end: registry and observation events in, evaluations out, through Kafka and PostgreSQL. */
@QuarkusTest
class EvaluationServiceTest {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");

  private static KafkaSupport kafka;

  @Inject
  Pool pool;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void shouldJudgeHigherIsBetterAgainstThresholds() {
    String metricId = Fixtures.metricId("hib");
    String version = define(metricId, "higher_is_better", 55.0, 50.0);

    Map<String, String> expected = Map.of(
        observe(metricId, version, 0, "ok", 60.0), "green|value 60 >= norm_value 55 (higher_is_better): green",
        observe(metricId, version, 1, "ok", 52.0), "amber|value 52 < norm_value 55 (higher_is_better): amber",
        observe(metricId, version, 2, "ok", 41.0), "red|value 41 < alert_value 50 (higher_is_better): red",
        observe(metricId, version, 3, "error", null),
        "error|value could not be computed: relation marts.x does not exist (sqlState 42P01): error",
        observe(metricId, version, 4, "empty", null),
        "red|empty window judged as 0; value 0 < alert_value 50 (higher_is_better): red");

    expected.forEach((observationId, verdict) -> {
      JsonNode evaluation = kafka.awaitEvaluation(of(observationId, version));
      assertEquals(verdict, evaluation.get("status").asText() + "|" + evaluation.get("rule").asText());
      assertEquals("higher_is_better", evaluation.get("direction").asText());
      assertEquals(55.0, evaluation.at("/thresholds/normValue").asDouble());
      assertEquals("2026-12-31", evaluation.at("/thresholds/targetDueDate").asText());
    });
  }

  @Test
  void shouldJudgeLowerIsBetterAgainstThresholds() {
    String metricId = Fixtures.metricId("lib");
    String version = define(metricId, "lower_is_better", 5.0, 10.0);

    Map<String, String> expected = Map.of(
        observe(metricId, version, 0, "ok", 3.0), "green",
        observe(metricId, version, 1, "ok", 7.0), "amber",
        observe(metricId, version, 2, "ok", 12.0), "red",
        observe(metricId, version, 3, "empty", null), "unknown|no value in window");

    expected.forEach((observationId, verdict) -> {
      JsonNode evaluation = kafka.awaitEvaluation(of(observationId, version));
      String actual = evaluation.get("status").asText();
      assertEquals(verdict, verdict.contains("|") ? actual + "|" + evaluation.get("rule").asText() : actual);
    });
  }

  @Test
  void shouldJudgeEachDimensionByItsBandOnlyAndCarryIt() {
    String metricId = Fixtures.metricId("dim");
    String version = define(metricId, "higher_is_better", 55.0, 50.0);
    ObjectNode slice = Fixtures.observation(metricId, version, DAY_ONE, DAY, "ok", 20.0, "customer", "acme");
    kafka.sendObservation(metricId, slice.toString());

    JsonNode evaluation = kafka.awaitEvaluation(of(Fixtures.id(slice), version));

    // 20 is below the total's alert_value, but thresholds belong to the total: a dimension has only its band.
    assertEquals("unknown", evaluation.get("status").asText());
    assertEquals("dimension judged by its band only (thresholds belong to the metric total); anomaly band disabled:"
        + " unknown", evaluation.get("rule").asText());
    assertEquals("customer", evaluation.at("/dimension/kind").asText());
    assertEquals("acme", evaluation.at("/dimension/value").asText());
    assertEquals(55.0, evaluation.at("/thresholds/normValue").asDouble());
  }

  @Test
  void shouldCarryTypicalChangeAndBenchmarkDistance() {
    String metricId = Fixtures.metricId("explain");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.amend(
        Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY),
        d -> d.put("benchmarkMean", 70.0).put("benchmarkStddev", 5.0)));
    MetricTable.awaitVersion(pool, metricId, version);
    observe(metricId, version, 0, "ok", 60.0);
    observe(metricId, version, 1, "ok", 80.0);
    String third = observe(metricId, version, 2, "ok", 90.0);

    JsonNode evaluation = kafka.awaitEvaluation(of(third, version));

    assertEquals(70.0, evaluation.at("/typical/mean").asDouble(), 1e-9);
    assertEquals(Math.sqrt(200), evaluation.at("/typical/stddev").asDouble(), 1e-9);
    assertEquals(2, evaluation.at("/typical/windows").asInt());
    assertEquals(80.0, evaluation.at("/change/previous").asDouble());
    assertEquals(10.0, evaluation.at("/change/absolute").asDouble(), 1e-9);
    assertEquals(12.5, evaluation.at("/change/percent").asDouble(), 1e-9);
    assertEquals(4.0, evaluation.at("/benchmark/distance").asDouble(), 1e-9);
    assertTrue(evaluation.get("band").isNull(), "anomaly band disabled for this metric");
  }

  @Test
  void shouldStayUnknownWithoutThresholds() {
    String metricId = Fixtures.metricId("nothr");
    String version = define(metricId, "higher_is_better", null, null);

    JsonNode evaluation = kafka.awaitEvaluation(of(observe(metricId, version, 0, "ok", 10.0), version));

    assertEquals("unknown", evaluation.get("status").asText());
    assertEquals("no thresholds (norm_value and alert_value not set): unknown", evaluation.get("rule").asText());
    assertEquals(10.0, evaluation.get("value").asDouble());
  }

  @Test
  void shouldKeepObservationThatArrivesBeforeItsDefinition() {
    String metricId = Fixtures.metricId("early");
    String version = Fixtures.version(metricId, "v1");
    String observationId = observe(metricId, version, 0, "ok", 60.0);

    JsonNode early = kafka.awaitEvaluation(of(observationId, "none"));
    assertEquals("unknown", early.get("status").asText());
    assertEquals("definition not yet known", early.get("rule").asText());

    define(metricId, "higher_is_better", 55.0, 50.0);
    JsonNode judged = kafka.awaitEvaluation(of(observationId, version));
    assertEquals("green", judged.get("status").asText());
  }

  @Test
  void shouldPublishNothingNewWhenObservationIsReplayed() {
    String metricId = Fixtures.metricId("replay");
    String version = define(metricId, "higher_is_better", 55.0, 50.0);
    ObjectNode first = Fixtures.observation(metricId, version, DAY_ONE, DAY, "ok", 41.0, null, null);
    kafka.sendObservation(metricId, first.toString());
    kafka.awaitEvaluation(of(Fixtures.id(first), version));

    kafka.sendObservation(metricId, first.toString());
    kafka.sendObservation(metricId, first.toString());
    // Same key, same partition: once the later observation is judged, both replays have been handled.
    String later = observe(metricId, version, 1, "ok", 60.0);
    kafka.awaitEvaluation(of(later, version));

    assertEquals(1, kafka.evaluations(e -> e.get("observationId").asText().equals(Fixtures.id(first))).size());
    assertEquals(1, MetricTable.evaluationCount(pool, Fixtures.id(first)));
  }

  @Test
  void shouldForgetMetricOnTombstone() {
    String metricId = Fixtures.metricId("tomb");
    define(metricId, "higher_is_better", 55.0, 50.0);

    kafka.sendDefinition(metricId, null);
    MetricTable.awaitVersion(pool, metricId, null);
    String observationId = observe(metricId, Fixtures.version(metricId, "v1"), 0, "ok", 60.0);

    JsonNode evaluation = kafka.awaitEvaluation(of(observationId, "none"));
    assertEquals("definition not yet known", evaluation.get("rule").asText());
  }

  @Test
  void shouldSkipPoisonMessagesAndKeepConsuming() {
    String metricId = Fixtures.metricId("poison");
    String version = define(metricId, "higher_is_better", 55.0, 50.0);
    kafka.sendObservation(metricId, "{not json");
    kafka.sendObservation(metricId, "{\"schemaVersion\":1,\"metricId\":\"" + metricId + "\"}");
    kafka.sendObservation(metricId, null);
    kafka.sendDefinition(metricId, Fixtures.JSON.createObjectNode().put("schemaVersion", 1));

    String observationId = observe(metricId, version, 0, "ok", 52.0);

    assertEquals("amber", kafka.awaitEvaluation(of(observationId, version)).get("status").asText());
    List<JsonNode> published = kafka.evaluations(e -> e.get("metricId").asText().equals(metricId));
    assertTrue(published.stream().allMatch(e -> e.get("observationId").asText().equals(observationId)),
        "only the valid observation was judged: " + published);
  }

  /** Publishes a definition and waits until it is in force, so observations sent next are judged by it. */
  private String define(String metricId, String direction, Double norm, Double alert) {
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.definition(metricId, version, direction, norm, alert, "1d", DAY));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  /** Publishes a metric-level observation for day n and returns its id. */
  private String observe(String metricId, String version, int day, String status, Double value) {
    ObjectNode observation = Fixtures.observation(metricId, version, DAY_ONE.plusSeconds((long) day * DAY), DAY,
        status, value, null, null);
    kafka.sendObservation(metricId, observation.toString());
    return Fixtures.id(observation);
  }
}
