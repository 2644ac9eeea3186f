package io.heartbeat.cockpit.rest;

import static io.heartbeat.cockpit.Fixtures.ALERTS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.NOTIFICATIONS;
import static io.heartbeat.cockpit.Fixtures.alertStep;
import static io.heartbeat.cockpit.Fixtures.contextNotice;
import static io.heartbeat.cockpit.Fixtures.deliveryNotice;
import static io.heartbeat.cockpit.Fixtures.rollbackNotice;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.dedupKey;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** heartbeat.alerts steps folded into episodes, served at /api/alerts with cursor pagination, shown on the tile. */
@QuarkusTest
class AlertResourceTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void shouldFoldStepsIntoOneEpisodeThatEscalatesAndResolvesOnce() {
    String id = metricId("episode");
    send(REGISTRY, id, defined(id, code(), "Checkouts attempted", Instant.now()));
    Instant start = window(4);
    String key = dedupKey(id, start);
    send(ALERTS, id, alertStep(id, "firing", "amber", null, start, window(3), Instant.now()));
    var escalated = alertStep(id, "escalated", "red", "amber", start, window(2), Instant.now());
    send(ALERTS, id, escalated);
    send(ALERTS, id, escalated);

    JsonPath firing = await().atMost(WAIT).until(() -> alert(key), a -> a != null && "red".equals(a.getString("status")));
    assertEquals("firing", firing.getString("state"));
    assertEquals("red", firing.getString("worstStatus"));
    assertEquals(List.of("firing", "escalated"), firing.getList("steps.type"), "a duplicate step is folded once");
    assertEquals("*", firing.getString("series"));
    assertNull(firing.get("resolvedAt"));
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertNotNull(tile.get("alert"), "the tile shows its open episode: " + tile);
      assertEquals(key, ((Map<?, ?>) tile.get("alert")).get("dedupKey"));
    });
    assertTrue(firingKeys().contains(key));

    send(ALERTS, id, alertStep(id, "resolved", "green", "red", start, window(0), Instant.now()));
    JsonPath resolved = await().atMost(WAIT).until(() -> alert(key),
        a -> a != null && "resolved".equals(a.getString("state")));
    assertEquals("green", resolved.getString("status"));
    assertEquals("red", resolved.getString("worstStatus"), "the episode's worst status is kept");
    assertNotNull(resolved.get("resolvedAt"));
    assertTrue(!firingKeys().contains(key), "a resolved episode is not listed as firing");
    await().atMost(WAIT).untilAsserted(() -> assertNull(Tiles.find(id).orElseThrow(AssertionError::new).get("alert")));
  }

  @Test
  void shouldShowRollbackDeliveriesAndSuggestionsEvenWhenTheyArriveBeforeTheStep() {
    String id = metricId("notices");
    send(REGISTRY, id, defined(id, code(), "Pages sent", Instant.now()));
    Instant start = window(6);
    String key = dedupKey(id, start);
    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    // The acting half's topic runs ahead of the judging half's: the notices land before the episode's first step.
    send(NOTIFICATIONS, id, rollbackNotice(id, key, "started", t));
    send(NOTIFICATIONS, id, contextNotice(id, key, "firing", t));
    send(NOTIFICATIONS, id, deliveryNotice(id, key, "oncall", "firing", "retrying", 1, t.plusSeconds(1)));
    send(NOTIFICATIONS, id, deliveryNotice(id, key, "oncall", "firing", "delivered", 2, t.plusSeconds(3)));
    send(NOTIFICATIONS, id, rollbackNotice(id, key, "succeeded", t.plusSeconds(5)));
    // Replays of older notices change nothing.
    send(NOTIFICATIONS, id, rollbackNotice(id, key, "started", t));
    send(NOTIFICATIONS, id, deliveryNotice(id, key, "oncall", "firing", "retrying", 1, t.plusSeconds(1)));
    send(ALERTS, id, alertStep(id, "firing", "red", null, start, start, Instant.now()));

    JsonPath alert = await().atMost(WAIT).until(() -> alert(key), a -> a != null
        && "succeeded".equals(a.getString("rollback.state")) && "delivered".equals(a.getString("deliveries[0].outcome")));
    assertEquals(1, alert.getList("deliveries").size(), "one row per receiver and step: " + alert.prettify());
    assertEquals(2, alert.getInt("deliveries[0].attempts"));
    assertEquals("oncall", alert.getString("deliveries[0].receiver"));
    assertEquals("messaging-api", alert.getString("rollback.service"));
    assertEquals("recent_deploy", alert.getString("suggestedActions[0].rule"));
    assertEquals("Roll back messaging-api 2.0.1", alert.getString("suggestedActions[0].action"));
    assertEquals("acme", alert.getString("context.topDimensions[0].dimension.value"));
  }

  @Test
  void shouldPageThroughEpisodesWithAnOpaqueCursorWithoutRepeatsOrGaps() {
    String id = metricId("paged");
    send(REGISTRY, id, defined(id, code(), "Answers given", Instant.now()));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant start = window(20 + i);
      keys.add(dedupKey(id, start));
      send(ALERTS, id, alertStep(id, "firing", "red", null, start, start, Instant.now().minusSeconds(i)));
    }
    await().atMost(WAIT).until(() -> keys.stream().allMatch(k -> alert(k) != null));
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/alerts").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.dedupKey"));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 1000);
    assertEquals(seen.size(), seen.stream().distinct().count(), "no episode twice");
    assertTrue(seen.containsAll(keys), "every episode once across the pages");
  }

  @Test
  void shouldAnswerUnreadableQueriesWithAProblemNamingTheParameter() {
    given().queryParam("state", "burning").get("/api/alerts").then().statusCode(400)
        .contentType("application/problem+json").body("detail", containsString("'state'"));
    given().queryParam("cursor", "not-a-cursor").get("/api/alerts").then().statusCode(400)
        .body("detail", containsString("'cursor'"));
    given().queryParam("limit", "0").get("/api/alerts").then().statusCode(400).body("detail", containsString("'limit'"));
    given().get("/api/alerts/{key}", "nope").then().statusCode(404).body("status", equalTo(404));
  }

  private static List<String> firingKeys() {
    return given().queryParam("state", "firing").queryParam("limit", 200).get("/api/alerts").then().statusCode(200)
        .extract().jsonPath().getList("items.dedupKey");
  }

  static JsonPath alert(String key) {
    var response = given().get("/api/alerts/{key}", key);
    return response.statusCode() == 200 ? response.jsonPath() : null;
  }
}
