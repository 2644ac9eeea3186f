package io.heartbeat.cockpit.rest;

import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tiles;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/tiles end to end: definitions and evaluations published on Kafka, stored in PostgreSQL, served. */
@QuarkusTest
class TileResourceTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void shouldShowUnknownTileUntilFirstEvaluationThenLatestStatusAndValue() {
    String id = metricId("latest");
    String code = code();
    send(REGISTRY, id, defined(id, code, "Messages created", Instant.now()));

    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals("unknown", tile.get("status"));
      assertTrue(tile.containsKey("value"), "value is written even when null");
      assertNull(tile.get("value"));
      assertNull(tile.get("evaluatedAt"));
    });

    Instant evaluatedAt = Instant.parse("2026-01-01T00:00:00Z");
    send(EVALUATIONS, id, evaluation(id, window(2), "amber", 70.0, evaluatedAt));
    send(EVALUATIONS, id, evaluation(id, window(1), "red", 12.5, evaluatedAt.plusSeconds(300)));

    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals("red", tile.get("status"));
      assertEquals(12.5, tile.get("value"));
      assertEquals(window(1).toString(), tile.get("windowStart"));
    });

    Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
    assertEquals(code, tile.get("code"));
    assertEquals("Messages created", tile.get("name"));
    assertEquals("msg/min", tile.get("unit"));
    assertEquals("5m", tile.get("period"));
    assertEquals("higher_is_better", tile.get("direction"));
    assertEquals(window(1).plus(Duration.ofMinutes(5)).toString(), tile.get("windowEnd"));
    assertEquals("2026-01-01T00:05:00Z", tile.get("evaluatedAt"));
    assertTrue(((String) tile.get("rule")).startsWith("red"));
    assertEquals(80.0, tile.get("normValue"));
    assertEquals(40.0, tile.get("alertValue"));
    assertEquals(120.0, tile.get("targetValue"));
    assertEquals("2027-06-30", tile.get("targetDueDate"));
    assertEquals("unverified", tile.get("stage"));
    assertTrue(((String) tile.get("howToRead")).startsWith("Messages created per minute"));
  }

  @Test
  void shouldServeOneTileWithItsSeriesOldestFirst() {
    String id = metricId("detail");
    send(REGISTRY, id, defined(id, code(), "Checkouts attempted", Instant.now()));
    send(EVALUATIONS, id, evaluation(id, window(3), "green", 95.0, Instant.now()));
    send(EVALUATIONS, id, evaluation(id, window(1), "amber", 60.0, Instant.now()));
    send(EVALUATIONS, id, evaluation(id, window(2), "green", 90.0, Instant.now()));

    await().atMost(WAIT).untilAsserted(() -> assertEquals(3, Tiles.series(id).size()));
    Map<String, Object> detail = Tiles.detail(id);
    @SuppressWarnings("unchecked")
    Map<String, Object> tile = (Map<String, Object>) detail.get("tile");
    assertEquals("amber", tile.get("status"));
    assertEquals(60.0, tile.get("value"));
    List<Map<String, Object>> series = Tiles.series(id);
    assertEquals(List.of(window(3).toString(), window(2).toString(), window(1).toString()),
        series.stream().map(p -> p.get("windowStart")).toList());
    assertEquals(List.of(95.0, 90.0, 60.0), series.stream().map(p -> p.get("value")).toList());
    assertEquals(List.of("green", "green", "amber"), series.stream().map(p -> p.get("status")).toList());
  }

  @Test
  void shouldSortTilesBySeverityThenCode() {
    String green = metricId("sort_green");
    String unknown = metricId("sort_unknown");
    String redB = metricId("sort_red_b");
    String redA = metricId("sort_red_a");
    String error = metricId("sort_error");
    send(REGISTRY, green, defined(green, "AAA1", "Green one", Instant.now()));
    send(REGISTRY, unknown, defined(unknown, "AAA2", "Never judged", Instant.now()));
    send(REGISTRY, redB, defined(redB, "ZZZ9", "Red later code", Instant.now()));
    send(REGISTRY, redA, defined(redA, "BBB1", "Red earlier code", Instant.now()));
    send(REGISTRY, error, defined(error, "ZZZ8", "Broken query", Instant.now()));
    send(EVALUATIONS, green, evaluation(green, window(1), "green", 100.0, Instant.now()));
    send(EVALUATIONS, redB, evaluation(redB, window(1), "red", 10.0, Instant.now()));
    send(EVALUATIONS, redA, evaluation(redA, window(1), "red", 11.0, Instant.now()));
    send(EVALUATIONS, error, evaluation(error, window(1), "error", null, Instant.now()));

    List<String> mine = List.of(green, unknown, redB, redA, error);
    await().atMost(WAIT).untilAsserted(() -> {
      // Until every evaluation has landed some of these still read unknown and sort elsewhere.
      List<String> order = Tiles.all().stream().map(t -> (String) t.get("metricId")).filter(mine::contains).toList();
      assertEquals(List.of(error, redA, redB, unknown, green), order);
    });

    // The whole list, earlier runs' tiles included, honours the same order.
    List<String> ranks = List.of("error", "stale", "red", "amber", "anomalous", "unknown", "green");
    Comparator<Map<String, Object>> expected = Comparator
        .<Map<String, Object>>comparingInt(t -> ranks.indexOf((String) t.get("status")))
        .thenComparing(t -> (String) t.get("code"));
    List<Map<String, Object>> all = Tiles.all();
    assertEquals(all.stream().sorted(expected).toList(), all);
  }

  @Test
  void shouldAnswerUnknownMetricWith404Problem() {
    given().accept("application/json").get("/api/tiles/{id}", "no_such_metric")
        .then().statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Not Found"))
        .body("status", equalTo(404))
        .body("detail", equalTo("No metric with id no_such_metric in the registry"))
        .body("instance", equalTo("/api/tiles/no_such_metric"));
  }
}
