package io.heartbeat.compute.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The HTTP surface: schedule view, window history, problem+json, health, OpenAPI and Prometheus metrics. */
@QuarkusTest
class MetricResourceTest {

  @Test
  void shouldListMetricInForceWithNextDueWindow() throws Exception {
    String metricId = Fixtures.metricId("listed");
    DefinitionEvents.defined(metricId, "select 7 as value").version("1111222233334444").publish();

    Map<String, Object> metric = await().atMost(Duration.ofSeconds(20)).until(() -> find(metricId), m -> m != null);

    assertEquals("valid", metric.get("state"));
    assertEquals("1111222233334444", metric.get("version"));
    assertEquals("1m", metric.get("period"));
    Instant start = Instant.parse((String) metric.get("nextWindowStart"));
    Instant end = Instant.parse((String) metric.get("nextWindowEnd"));
    assertEquals(WindowClock.floor(start, Duration.ofMinutes(1)), start);
    assertEquals(start.plusSeconds(60), end);
    assertEquals(end.plusSeconds(1), Instant.parse((String) metric.get("nextDueAt")), "settle delay is 1s in tests");
  }

  @Test
  void shouldListRecentWindowRuns() throws Exception {
    String metricId = Fixtures.metricId("history");
    DefinitionEvents.defined(metricId, "select 7 as value").publish();

    await().atMost(Duration.ofSeconds(30)).until(() -> windowCount(metricId) >= 1);

    given().queryParam("limit", 1).get("/api/metrics/{id}/windows", metricId).then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].metricId", equalTo(metricId))
        .body("[0].status", equalTo("ok"))
        .body("[0].observations", equalTo(1))
        .body("[0].definitionVersion", equalTo("0123456789abcdef"));
  }

  @Test
  void shouldAnswerProblemJsonForUnknownMetric() {
    given().get("/api/metrics/{id}/windows", "no_such_metric").then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Not Found"))
        .body("status", equalTo(404))
        .body("detail", containsString("no_such_metric"))
        .body("instance", equalTo("/api/metrics/no_such_metric/windows"));
  }

  @Test
  void shouldAnswerProblemJsonForBadLimit() {
    given().queryParam("limit", 0).get("/api/metrics/{id}/windows", "any").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString("limit"));
  }

  @Test
  void shouldAnswerProblemJsonWithoutStackTraceOnServerError() {
    // PostgreSQL rejects a NUL byte in text: an unexpected failure deep in the repository.
    given().urlEncodingEnabled(false).get("/api/metrics/bad%00id/windows").then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("status", equalTo(500))
        .body("title", equalTo("Internal Server Error"))
        .body("detail", notNullValue())
        .body(not(containsString("at io.")));
  }

  @Test
  void shouldBeReady() {
    given().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Kafka")))
        .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
  }

  @Test
  void shouldDescribeItsPathsInOpenApi() {
    given().queryParam("format", "json").get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("/api/metrics"))
        .body(containsString("/api/metrics/{id}/windows"))
        .body(containsString("/api/backfill/{id}"));
  }

  @Test
  void shouldExposePrometheusMetrics() throws Exception {
    String metricId = Fixtures.metricId("counted");
    DefinitionEvents.defined(metricId, "select 1 as value").publish();
    await().atMost(Duration.ofSeconds(30)).until(() -> windowCount(metricId) >= 1);

    given().accept("text/plain").get("/q/metrics").then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("# TYPE heartbeat_compute_windows_total counter"))
        .body(containsString("heartbeat_compute_windows_total{status=\"ok\""));
  }

  /** 0 until the metric is in force (404 before its definition arrives). */
  private static int windowCount(String metricId) {
    Response response = given().get("/api/metrics/{id}/windows", metricId);
    return response.statusCode() == 200 ? response.jsonPath().getList("$").size() : 0;
  }

  private static Map<String, Object> find(String metricId) {
    List<Map<String, Object>> metrics = given().get("/api/metrics").then().statusCode(200).extract().jsonPath()
        .getList("$");
    return metrics.stream().filter(m -> metricId.equals(m.get("metricId"))).findFirst().orElse(null);
  }
}
