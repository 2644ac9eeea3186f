package io.heartbeat.cockpit.messaging;

import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.forCustomer;
import static io.heartbeat.cockpit.Fixtures.learning;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.sendAll;
import static io.heartbeat.cockpit.Fixtures.sha256;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.heartbeat.cockpit.Fixtures.withBand;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * heartbeat.evaluations into tiles. A "nothing changed" claim is checked after a later marker evaluation for
 * the same metric (same key, same partition, so processed after) has visibly landed in the series.
 */
@QuarkusTest
class EvaluationListenerTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void shouldNotOverwriteNewerTileWithOlderEvaluation() {
    String id = defineMetric("older");
    Instant judged = Instant.now();
    send(EVALUATIONS, id, evaluation(id, window(1), "red", 20.0, judged));
    awaitTile(id, "red", 20.0);

    // Older window, judged later (a replay or a late observation): it is history, not the present.
    send(EVALUATIONS, id, evaluation(id, window(4), "green", 99.0, judged.plusSeconds(60)));
    awaitPoint(id, window(4));

    Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
    assertEquals("red", tile.get("status"));
    assertEquals(20.0, tile.get("value"));
    assertEquals(window(1).toString(), tile.get("windowStart"));
  }

  @Test
  void shouldChangeNothingOnDuplicateEvaluation() {
    String id = defineMetric("duplicate");
    ObjectNode amber = evaluation(id, window(1), "amber", 65.0, Instant.now());
    send(EVALUATIONS, id, amber);
    awaitTile(id, "amber", 65.0);
    Map<String, Object> before = Tiles.detail(id);

    send(EVALUATIONS, id, amber);
    send(EVALUATIONS, id, evaluation(id, window(6), "green", 90.0, Instant.now()));
    awaitPoint(id, window(6));

    Map<String, Object> after = Tiles.detail(id);
    assertEquals(before.get("tile"), after.get("tile"));
    List<String> windows = Tiles.series(id).stream().map(p -> (String) p.get("windowStart")).toList();
    assertEquals(List.of(window(6).toString(), window(1).toString()), windows);
  }

  @Test
  void shouldReplaceTileWhenSameWindowIsJudgedAgainLater() {
    String id = defineMetric("rejudged");
    Instant judged = Instant.now();
    send(EVALUATIONS, id, evaluation(id, window(1), "anomalous", 30.0, judged));
    awaitTile(id, "anomalous", 30.0);

    ObjectNode again = evaluation(id, window(1), "red", 30.0, judged.plusSeconds(120));
    again.put("definitionVersion", "00000000000000aa").put("rule", "red: below alert 40 under the new definition")
        .put("id", sha256(again.get("observationId").asText() + "|00000000000000aa"));
    send(EVALUATIONS, id, again);
    awaitTile(id, "red", 30.0);
    assertEquals("red", Tiles.series(id).get(0).get("status"));
  }

  @Test
  void shouldKeepDimensionSlicesOffTheTile() {
    String id = defineMetric("dimension");
    send(EVALUATIONS, id, evaluation(id, window(2), "green", 88.0, Instant.now()));
    awaitTile(id, "green", 88.0);

    send(EVALUATIONS, id, forCustomer(evaluation(id, window(1), "red", 1.0, Instant.now()), "acme"));
    send(EVALUATIONS, id, evaluation(id, window(7), "green", 87.0, Instant.now()));
    awaitPoint(id, window(7));

    Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
    assertEquals("green", tile.get("status"));
    assertEquals(window(2).toString(), tile.get("windowStart"));
    assertEquals(2, Tiles.series(id).size());
  }

  @Test
  void shouldSkipPoisonMessageAndKeepConsuming() {
    String id = defineMetric("poison");
    send(EVALUATIONS, id, "{not json");
    send(EVALUATIONS, id, "{\"schemaVersion\":1,\"metricId\":\"" + id + "\",\"status\":\"purple\"}");
    send(EVALUATIONS, id, evaluation(id, window(1), "amber", 55.0, Instant.now()));
    awaitTile(id, "amber", 55.0);
  }

  @Test
  void shouldCarryBandAndLearningProgressOnTileAndSeries() {
    String id = defineMetric("band");
    Instant judged = Instant.now();
    send(EVALUATIONS, id, learning(withBand(evaluation(id, window(3), "green", 36.0, judged), 35.0, 17.0, 53.0),
        12_487, 20_160));
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals(Map.of("expected", 35.0, "lower", 17.0, "upper", 53.0), tile.get("band"));
      assertEquals(Map.of("window", 12_487, "windows", 20_160), tile.get("learning"));
    });
    assertEquals(Map.of("expected", 35.0, "lower", 17.0, "upper", 53.0), Tiles.series(id).get(0).get("band"));

    // The last history window reads "history learned": the tile is live from there on.
    send(EVALUATIONS, id, learning(withBand(evaluation(id, window(2), "green", 40.0, judged), 36.0, 18.0, 54.0),
        20_160, 20_160));
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals(window(2).toString(), tile.get("windowStart"));
      assertTrue(tile.containsKey("learning"), "learning is written even when null");
      assertNull(tile.get("learning"));
      assertEquals(Map.of("expected", 36.0, "lower", 18.0, "upper", 54.0), tile.get("band"));
    });

    // A live evaluation whose band is still warming up (null) clears the band rather than keeping the old one.
    send(EVALUATIONS, id, evaluation(id, window(1), "green", 41.0, judged));
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals(window(1).toString(), tile.get("windowStart"));
      assertTrue(tile.containsKey("band"), "band is written even when null");
      assertNull(tile.get("band"));
    });
    List<Map<String, Object>> series = Tiles.series(id);
    assertEquals(3, series.size());
    assertNull(series.get(2).get("band"));
  }

  @Test
  void shouldKeepNewestTileWhenHistoryBurstIsReplayedOrAnOlderWindowArrives() {
    String id = defineMetric("burst");
    int windows = 120;
    Instant judged = Instant.now();
    List<ObjectNode> history = new ArrayList<>();
    for (int w = 1; w <= windows; w++) {
      // Oldest first, as alert-service sends a metric's history: window(windows) ... window(1).
      int step = windows - w + 1;
      history.add(learning(withBand(evaluation(id, window(step), "green", 50.0 + w, judged.plusMillis(w)),
          50.0 + w, 40.0 + w, 60.0 + w), w, windows));
    }
    sendAll(EVALUATIONS, id, history);
    awaitTile(id, "green", 50.0 + windows);
    Map<String, Object> before = Tiles.find(id).orElseThrow(AssertionError::new);
    assertEquals(window(1).toString(), before.get("windowStart"));
    assertNull(before.get("learning"));

    // The burst again (a replay after a restart), then an older window judged later: neither moves the tile back.
    sendAll(EVALUATIONS, id, history.subList(0, windows / 2));
    send(EVALUATIONS, id, evaluation(id, window(windows + 5), "red", 1.0, judged.plusSeconds(600)));
    awaitPoint(id, window(windows + 5));

    assertEquals(before, Tiles.find(id).orElseThrow(AssertionError::new));
    assertEquals(windows + 1, Tiles.series(id).size());
  }

  private static String defineMetric(String label) {
    String id = metricId(label);
    send(REGISTRY, id, defined(id, code(), "Evaluations " + label, Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isPresent());
    return id;
  }

  private static void awaitTile(String id, String status, double value) {
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
      assertEquals(status, tile.get("status"));
      assertEquals(value, tile.get("value"));
    });
  }

  private static void awaitPoint(String id, Instant windowStart) {
    await().atMost(WAIT).until(() -> Tiles.series(id).stream()
        .anyMatch(p -> windowStart.toString().equals(p.get("windowStart"))));
  }
}
