package io.heartbeat.cockpit.messaging;

import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.forCustomer;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.sha256;
import static io.heartbeat.cockpit.Fixtures.window;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
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

    Map<String, Object> tile = Tiles.find(id).orElseThrow();
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

    Map<String, Object> tile = Tiles.find(id).orElseThrow();
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

  private static String defineMetric(String label) {
    String id = metricId(label);
    send(REGISTRY, id, defined(id, code(), "Evaluations " + label, Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isPresent());
    return id;
  }

  private static void awaitTile(String id, String status, double value) {
    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, Object> tile = Tiles.find(id).orElseThrow();
      assertEquals(status, tile.get("status"));
      assertEquals(value, tile.get("value"));
    });
  }

  private static void awaitPoint(String id, Instant windowStart) {
    await().atMost(WAIT).until(() -> Tiles.series(id).stream()
        .anyMatch(p -> windowStart.toString().equals(p.get("windowStart"))));
  }
}
