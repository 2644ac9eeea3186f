package io.heartbeat.compute.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.Tokens;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/backfill: operator token, validation as problem+json, 202 with a job to follow. */
@QuarkusTest
class BackfillResourceTest {

  private static final String HOUR_AGO = Instant.now().minus(Duration.ofHours(1)).toString();
  private static final String NOW = Instant.now().toString();

  @Test
  void shouldRefuseWithoutToken() {
    given().contentType(ContentType.JSON).body(body("any_metric", HOUR_AGO, NOW)).post("/api/backfill").then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("detail", containsString("bearer token"));
  }

  @Test
  void shouldRefuseViewer() {
    given().auth().oauth2(Tokens.of("victor", "viewer")).contentType(ContentType.JSON)
        .body(body("any_metric", HOUR_AGO, NOW)).post("/api/backfill").then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("operator or admin"));
  }

  @Test
  void shouldRefuseTokenSignedByAnotherKey() {
    String forged = Tokens.of("mallory", "admin");
    forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    given().auth().oauth2(forged).contentType(ContentType.JSON).body(body("any_metric", HOUR_AGO, NOW))
        .post("/api/backfill").then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswer404ForMetricNotInForce() {
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body(body("no_such_metric", HOUR_AGO, NOW)).post("/api/backfill").then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no_such_metric"));
  }

  @Test
  void shouldRejectRangeEndingBeforeItStarts() {
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body(body("any_metric", NOW, HOUR_AGO)).post("/api/backfill").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("from must be before to"));
  }

  @Test
  void shouldRejectUnreadableBody() {
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body(body("any_metric", "yesterday", NOW)).post("/api/backfill").then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body("{\"metric_id\": \"any_metric\"}").post("/api/backfill").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("required"));
  }

  @Test
  void shouldRejectMoreWindowsThanAllowed() throws Exception {
    String metricId = Fixtures.metricId("huge");
    Fixtures.insertMetric(metricId, "select 1 as value", Instant.now(), null);
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body(body(metricId, Instant.now().minus(Duration.ofDays(366)).toString(), NOW)).post("/api/backfill").then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("title", equalTo("Unprocessable Content"))
        .body("detail", containsString("at most 100000"));
  }

  @Test
  void shouldAcceptAdminAndAnswerJobToFollow() throws Exception {
    String metricId = Fixtures.metricId("accepted");
    Instant now = Instant.now();
    Fixtures.insertMetric(metricId, "select 1 as value", now, null);
    Instant from = WindowClock.floor(now, Duration.ofMinutes(1)).minus(Duration.ofMinutes(30));

    String location = given().auth().oauth2(Tokens.of("ada", "admin")).contentType(ContentType.JSON)
        .body(body(metricId, from.toString(), from.plus(Duration.ofMinutes(10)).toString()))
        .post("/api/backfill").then()
        .statusCode(202)
        .header("Location", containsString("/api/backfill/"))
        .body("metricId", equalTo(metricId))
        .body("state", equalTo("running"))
        .body("from", equalTo(from.toString()))
        .body("total", equalTo(10))
        .body("done", equalTo(0))
        .body("requestedBy", equalTo("ada"))
        .body("etaSeconds", notNullValue())
        .extract().header("Location");

    given().get(location).then()
        .statusCode(200)
        .body("metricId", equalTo(metricId))
        .body("total", equalTo(10));
  }

  @Test
  void shouldAnswer404ForUnknownJob() {
    given().get("/api/backfill/{id}", UUID.randomUUID()).then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/backfill/{id}", "not-a-job").then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static String body(String metricId, String from, String to) {
    return "{\"metric_id\": \"" + metricId + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
  }
}
