package io.heartbeat.cockpit.rest;

import static io.heartbeat.cockpit.Fixtures.DEPLOYMENTS;
import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.deployment;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.forCustomer;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.sendAll;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.heartbeat.cockpit.Fixtures.withBand;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** /api/metrics/{id}, its series (downsampled, drops kept), its slices and top movers, deploys to mark, ETags. */
@QuarkusTest
class SeriesResourceTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  @Test
  void shouldServeTheSeriesWithBandKeepingAOneWindowDropWhenDownsampled() {
    String id = metricId("series");
    send(REGISTRY, id, defined(id, code(), "Messages created", Instant.now()));
    List<ObjectNode> windows = new ArrayList<>();
    for (int i = 12; i >= 1; i--) {
      double value = i == 5 ? 10.0 : 90.0 + i;
      String status = i == 5 ? "anomalous" : "green";
      ObjectNode total = withBand(evaluation(id, window(i), status, value, Instant.now()), 90, 70, 110);
      windows.add(total);
      windows.add(withBand(forCustomer(evaluation(id, window(i), i <= 2 ? "anomalous" : "green",
          i <= 2 ? 2.0 : 40.0, Instant.now()), "acme"), 40, 30, 50));
      windows.add(withBand(forCustomer(evaluation(id, window(i), "green", 46.0, Instant.now()), "globex"), 40, 30, 50));
    }
    sendAll(EVALUATIONS, id, windows);
    send(DEPLOYMENTS, "messaging-api", deployment("messaging-api", "2.0.1", window(6).plusSeconds(30)));
    String from = window(13).toString();

    JsonPath full = await().atMost(WAIT).ignoreExceptions().until(() -> series(id, from, null, null),
        s -> s.getList("points").size() == 12 && !s.getList("deploys").isEmpty());
    assertEquals(1, full.getInt("windowsPerPoint"));
    assertEquals("messaging-api", full.getString("deploys[0].service"));
    assertEquals(80.0, full.getDouble("normValue"));
    List<Map<String, Object>> points = full.getList("points");
    assertEquals(1, points.stream().filter(p -> Boolean.TRUE.equals(p.get("out"))).count(), "the drop is out: " + points);
    assertEquals(90.0, (Double) points.get(0).get("exp"));

    JsonPath coarse = series(id, from, "10", null);
    assertEquals(2, coarse.getInt("windowsPerPoint"));
    List<Map<String, Object>> buckets = coarse.getList("points");
    assertEquals(6, buckets.size());
    Map<String, Object> dropBucket = buckets.stream().filter(p -> Boolean.TRUE.equals(p.get("out"))).findFirst()
        .orElseThrow(() -> new AssertionError("the drop survives downsampling: " + buckets));
    assertEquals(10.0, (Double) dropBucket.get("min"), "the bucket keeps its minimum");
    assertEquals("anomalous", dropBucket.get("s"), "the bucket keeps its worst status");

    JsonPath acme = series(id, from, null, "customer=acme");
    assertEquals("customer=acme", acme.getString("dimension"));
    assertEquals(12, acme.getList("points").size());
    JsonPath movers = await().atMost(WAIT).until(() -> given().get("/api/metrics/{id}/dimensions", id).then()
        .statusCode(200).extract().jsonPath(DOUBLES), m -> m.getList("movers").size() == 2);
    assertEquals(window(1).toString(), movers.getString("at"));
    assertEquals("acme", movers.getString("movers[0].value"), "the biggest loss first");
    assertEquals(-38.0, movers.getDouble("movers[0].delta"));
    assertEquals("customer=acme", movers.getString("movers[0].series"));

    JsonPath metric = given().get("/api/metrics/{id}", id).then().statusCode(200).extract().jsonPath();
    assertEquals("Messages created", metric.getString("name"));
    assertEquals("/api/metrics/" + id + "/audit", metric.getString("auditUrl"));
    assertEquals(List.of("core-platform"), metric.getList("slas"));
    assertEquals(id, metric.getString("tile.metricId"));
  }

  @Test
  void shouldAnswerNotModifiedToTheSameETag() {
    String etag = given().get("/api/tiles").then().statusCode(200).extract().header("ETag");
    assertTrue(etag != null && etag.startsWith("\""), "a strong ETag: " + etag);
    given().header("If-None-Match", etag).get("/api/tiles").then().statusCode(304);
  }

  @Test
  void shouldRefuseUnreadableSeriesQueriesNamingTheParameter() {
    String id = metricId("badquery");
    send(REGISTRY, id, defined(id, code(), "Bad queries", Instant.now()));
    await().atMost(WAIT).until(() -> given().get("/api/metrics/{id}", id).statusCode() == 200);
    given().queryParam("from", "yesterday").get("/api/metrics/{id}/series", id).then().statusCode(400)
        .contentType("application/problem+json").body("detail", containsString("'from'"));
    given().queryParam("points", "2").get("/api/metrics/{id}/series", id).then().statusCode(400)
        .body("detail", containsString("'points'"));
    given().queryParam("dimension", "planet=mars").get("/api/metrics/{id}/series", id).then().statusCode(400)
        .body("detail", containsString("'dimension'"));
    given().get("/api/metrics/{id}/series", "no_such_metric").then().statusCode(404);
  }

  @Test
  void shouldAnswerAPassThroughToAStoppedServiceWith503NamingIt() {
    // The test profile points registry-service at a port nothing listens on: the owner of edits is down.
    given().contentType("application/json").body("{\"normValue\": 1, \"reason\": \"test\"}")
        .header("Authorization", "Bearer x").header("If-Match", "\"1\"")
        .patch("/api/metrics/{id}", "any").then().statusCode(503).contentType("application/problem+json")
        .body("detail", containsString("registry-service"));
    assertFalse(given().get("/api/slas").then().statusCode(200).extract().asString().contains("Bearer"));
  }

  static JsonPath series(String id, String from, String points, String dimension) {
    var request = given().queryParam("from", from);
    if (points != null) {
      request.queryParam("points", points);
    }
    if (dimension != null) {
      request.queryParam("dimension", dimension);
    }
    return request.get("/api/metrics/{id}/series", id).then().statusCode(200).extract().jsonPath(DOUBLES);
  }
}
