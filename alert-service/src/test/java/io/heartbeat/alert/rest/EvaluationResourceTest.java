package io.heartbeat.alert.rest;

import static io.heartbeat.alert.KafkaSupport.of;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** GET /api/metrics/{id}/evaluations and /status over evaluations made from real events; errors as problem+json. */
@QuarkusTest
class EvaluationResourceTest {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-04-01T00:00:00Z");

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
  void shouldListLatestFirstAndAnswerMetricLevelStatus() {
    String metricId = Fixtures.metricId("rest");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.definition(metricId, version, "lower_is_better", 5.0, 10.0, "1d", DAY));
    MetricTable.awaitVersion(pool, metricId, version);
    ObjectNode older = Fixtures.observation(metricId, version, DAY_ONE, DAY, "ok", 3.0, null, null);
    ObjectNode newer = Fixtures.observation(metricId, version, DAY_ONE.plusSeconds(DAY), DAY, "ok", 12.0, null, null);
    ObjectNode slice = Fixtures.observation(metricId, version, DAY_ONE.plusSeconds(DAY), DAY, "ok", 1.0,
        "region", "eu");
    // Sent newest window last for the metric, but the dimension slice last overall.
    kafka.sendObservation(metricId, newer.toString());
    kafka.sendObservation(metricId, older.toString());
    kafka.sendObservation(metricId, slice.toString());
    kafka.awaitEvaluation(of(Fixtures.id(slice), version));

    // The row commits right after Kafka acknowledges the event, so the API may trail the topic by a moment.
    Awaitility.await().atMost(KafkaSupport.PATIENCE).untilAsserted(() ->
        given().get("/api/metrics/{id}/evaluations", metricId).then().body("$", hasSize(3)));
    given().get("/api/metrics/{id}/evaluations", metricId).then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("$", hasSize(3))
        .body("[2].observationId", equalTo(Fixtures.id(older)))
        .body("[2].status", equalTo("green"));
    given().queryParam("limit", 1).get("/api/metrics/{id}/evaluations", metricId).then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].windowStart", equalTo(DAY_ONE.plusSeconds(DAY).toString()));
    given().get("/api/metrics/{id}/status", metricId).then()
        .statusCode(200)
        .body("observationId", equalTo(Fixtures.id(newer)))
        .body("status", equalTo("red"))
        .body("rule", equalTo("value 12 > alert_value 10 (lower_is_better): red"))
        .body("dimension", equalTo(null))
        .body("thresholds.alertValue", equalTo(10.0f));
  }

  @Test
  void shouldListNothingForKnownMetricWithoutEvaluations() {
    String metricId = Fixtures.metricId("quiet");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.definition(metricId, version, "higher_is_better", 1.0, 0.5, "1d", DAY));
    MetricTable.awaitVersion(pool, metricId, version);

    given().get("/api/metrics/{id}/evaluations", metricId).then().statusCode(200).body("$", hasSize(0));
    assertProblem(given().get("/api/metrics/{id}/status", metricId).then(), 404,
        "no metric-level evaluation for metric " + metricId, "/api/metrics/" + metricId + "/status");
  }

  @Test
  void shouldAnswerUnknownMetricWithProblem() {
    assertProblem(given().get("/api/metrics/t_never_defined/evaluations").then(), 404,
        "unknown metric t_never_defined", "/api/metrics/t_never_defined/evaluations");
    assertProblem(given().get("/api/metrics/t_never_defined/status").then(), 404,
        "no metric-level evaluation for metric t_never_defined", "/api/metrics/t_never_defined/status");
  }

  @Test
  void shouldRejectLimitOutOfRangeWithProblem() {
    assertProblem(given().queryParam("limit", 0).get("/api/metrics/t_any/evaluations").then(), 400,
        "limit must be between 1 and 500", "/api/metrics/t_any/evaluations");
  }

  @Test
  void shouldAnswerUnknownPathWithProblem() {
    given().get("/api/nothing-here").then()
        .statusCode(404)
        .contentType(startsWith(Problem.MEDIA_TYPE))
        .body("status", equalTo(404))
        .body("title", equalTo("Not Found"));
  }

  private static void assertProblem(ValidatableResponse response, int status,
      String detail, String instance) {
    response.statusCode(status)
        .contentType(startsWith(Problem.MEDIA_TYPE))
        .body("type", equalTo("about:blank"))
        .body("title", equalTo(status == 404 ? "Not Found" : "Bad Request"))
        .body("status", equalTo(status))
        .body("detail", equalTo(detail))
        .body("instance", equalTo(instance))
        .body("$", not(hasKey("stackTrace")));
  }
}
