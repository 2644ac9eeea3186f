package io.heartbeat.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/** GET /api/slas/{id}: red time of member metrics, merged, against the SLA's target. */
@QuarkusTest
class SlaResourceTest {

  private static final int HOUR = 3600;
  private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

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
  void shouldCountOverlappingRedTimeOnceAndSpendTheBudget() {
    String sla = "t-sla-" + Fixtures.metricId("x").substring(4);
    String first = Fixtures.metricId("sla_a");
    String second = Fixtures.metricId("sla_b");
    String other = Fixtures.metricId("sla_c");
    // first red hours 1-3, second red hours 2-5: one incident 01:00-06:00, 300 minutes, not 420.
    heartbeat(first, sla, new double[] {60, 41, 41, 41, 60});
    heartbeat(second, sla, new double[] {60, 60, 41, 41, 41, 41, 60});
    heartbeat(other, "t-other-sla", new double[] {41, 41, 41, 41, 41, 41, 41, 41});

    Awaitility.await().atMost(KafkaSupport.PATIENCE).untilAsserted(() -> doubles()
        .queryParam("from", DAY.toString()).queryParam("to", DAY.plusSeconds(24 * HOUR).toString())
        .get("/api/slas/{id}", sla).then()
        .statusCode(200)
        .body("sla", equalTo(sla))
        .body("targetPercent", equalTo(99.9))
        .body("downtimeMinutes", equalTo(300.0))
        .body("availabilityPercent", closeTo(100.0 * (1 - 300.0 / 1440), 1e-6))
        .body("incidents", hasSize(1))
        .body("incidents[0].start", equalTo("2026-03-10T01:00:00Z"))
        .body("incidents[0].end", equalTo("2026-03-10T06:00:00Z"))
        .body("incidents[0].metrics", contains(first, second))
        .body("errorBudget.month", equalTo("2026-03"))
        .body("errorBudget.allowedMinutes", closeTo(44.64, 1e-6))
        .body("errorBudget.usedMinutes", closeTo(300.0, 1e-6))
        .body("errorBudget.remainingMinutes", closeTo(44.64 - 300.0, 1e-6)));

    doubles().queryParam("from", "2026-03-10T02:30:00Z").queryParam("to", "2026-03-10T03:00:00Z")
        .get("/api/slas/{id}", sla).then()
        .statusCode(200)
        .body("downtimeMinutes", equalTo(30.0))
        .body("availabilityPercent", equalTo(0.0))
        .body("incidents[0].metrics", contains(first, second));
  }

  @Test
  void shouldUseTheConfiguredTarget() {
    doubles().get("/api/slas/{id}", "fin").then()
        .statusCode(200)
        .body("targetPercent", equalTo(99.5));
  }

  @Test
  void shouldAnswerProblemsForUnknownSlaAndBadPeriod() {
    doubles().get("/api/slas/{id}", "t-never-heard-of").then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("detail", equalTo("unknown SLA t-never-heard-of"));
    doubles().queryParam("from", "yesterday").get("/api/slas/{id}", "core-platform").then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"));
    doubles().queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z")
        .get("/api/slas/{id}", "core-platform").then()
        .statusCode(400)
        .body("detail", equalTo("from must be before to"));
  }

  /** Numbers in the body read as doubles (rest-assured reads floats by default). */
  private static RequestSpecification doubles() {
    return given().config(RestAssuredConfig.config()
        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
  }

  /** Defines an hourly heartbeat in the SLA (norm 55, alert 50) and sends its hours from 00:00 on DAY. */
  private void heartbeat(String metricId, String sla, double[] hours) {
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.amend(
        Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1h", HOUR),
        d -> d.putArray("slas").add(sla)));
    MetricTable.awaitVersion(pool, metricId, version);
    for (int h = 0; h < hours.length; h++) {
      kafka.sendObservation(metricId, Fixtures.observation(metricId, version, DAY.plusSeconds((long) h * HOUR), HOUR,
          "ok", hours[h], null, null).toString());
    }
  }
}
