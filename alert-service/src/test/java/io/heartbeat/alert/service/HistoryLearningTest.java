package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.model.EventId;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Warm start: a metric's history arrives as observation-history chunks before its first live window. Every history
 * window is learned in order (the total's evaluation says how far), none opens an episode or counts as downtime,
 * and the first live window is judged by the band the history taught, so the first drop after install is caught.
 */
@QuarkusTest
class HistoryLearningTest {

  private static final int PERIOD = 7200;
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
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
  void shouldLearnHistoryInOrderThenCatchTheFirstLiveDrop() {
    String metricId = Fixtures.metricId("history");
    String version = Fixtures.version(metricId, "v1");
    ObjectNode definition = Fixtures.amend(Fixtures.definition(metricId, version, "higher_is_better", null, null,
        "2h", PERIOD), d -> ((ObjectNode) d.get("anomaly")).put("enabled", true).put("triggerWindows", 2)
            .put("recoveryWindows", 2).put("minHistoryWindows", 24));
    kafka.sendDefinition(metricId, definition);
    MetricTable.awaitVersion(pool, metricId, version);

    // 15 days of 2h windows (daily pattern, a two-window outage on day 5 that history must neither page nor learn).
    int windows = 15 * 12;
    int chunk = 50;
    for (int first = 0; first < windows; first += chunk) {
      kafka.sendObservation(metricId, chunk(metricId, version, windows, first, Math.min(chunk, windows - first))
          .toString());
    }
    Instant live = START.plusSeconds((long) PERIOD * windows);
    String normal = observe(metricId, version, live, value(windows));
    String drop1 = observe(metricId, version, live.plusSeconds(PERIOD), value(windows + 1) * 0.3);
    String drop2 = observe(metricId, version, live.plusSeconds(2L * PERIOD), value(windows + 2) * 0.3);

    JsonNode progress = kafka.awaitEvaluation(of(historyId(metricId, version, 99), version));
    assertTrue(progress.get("rule").asText().startsWith("learning history: 100 of 180 windows; "),
        progress.get("rule").asText());
    Contracts.assertValid(Contracts.EVALUATION, progress);
    JsonNode last = kafka.awaitEvaluation(of(historyId(metricId, version, windows - 1), version));
    assertTrue(last.get("rule").asText().startsWith("history learned: 180 windows; "), last.get("rule").asText());
    assertNotNull(last.get("band"), "the band judges by the end of the history");

    assertEquals("green", kafka.awaitEvaluation(of(normal, version)).get("status").asText());
    JsonNode second = kafka.awaitEvaluation(of(drop2, version));
    assertEquals("anomalous", second.get("status").asText(), second.get("rule").asText());
    kafka.awaitEvaluation(of(drop1, version));
    Predicate<JsonNode> mine = a -> a.get("metricId").asText().equals(metricId);
    List<JsonNode> alerts = kafka.awaitAlerts(mine, 1);
    assertEquals("firing", alerts.get(0).get("type").asText());
    // An anomaly's episode starts where the breach met its trigger: the second window of the drop.
    assertEquals(live.plusSeconds(2L * PERIOD).toString(), alerts.get(0).get("episodeStart").asText(),
        "the outage in the history opened no episode: the first one is the live drop");
    Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> kafka.alerts(mine).size() == 1);
    assertEquals(0L, pool.preparedQuery("select count(*) from alert.downtime where metric_id = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(metricId)).await().indefinitely().iterator().next().getLong(0));

    given().get("/api/metrics/{id}/status", metricId).then().statusCode(200)
        .body("rule", startsWith("value"));
  }

  @Test
  void shouldShowLearningProgressOnTheStatus() {
    String metricId = Fixtures.metricId("progress");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.definition(metricId, version, "higher_is_better", 5.0,
        1.0, "2h", PERIOD), d -> ((ObjectNode) d.get("anomaly")).put("enabled", true)));
    MetricTable.awaitVersion(pool, metricId, version);
    kafka.sendObservation(metricId, chunk(metricId, version, 20160, 0, 40).toString());

    kafka.awaitEvaluation(of(historyId(metricId, version, 39), version));
    Awaitility.await().atMost(KafkaSupport.PATIENCE).untilAsserted(() -> given()
        .get("/api/metrics/{id}/status", metricId).then().statusCode(200)
        .body("rule", startsWith("learning history: 40 of 20,160 windows; ")));
  }

  @Test
  void shouldKeepHistoryThatArrivesBeforeItsDefinitionAndLearnItOnceItArrives() {
    String metricId = Fixtures.metricId("early");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendObservation(metricId, chunk(metricId, version, 30, 0, 30).toString());
    Awaitility.await().atMost(KafkaSupport.PATIENCE).until(() -> pool
        .preparedQuery("select count(*) from alert.pending_observation where metric_id = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(metricId)).await().indefinitely().iterator().next()
        .getLong(0) == 30);

    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.definition(metricId, version, "higher_is_better", 5.0,
        1.0, "2h", PERIOD), d -> ((ObjectNode) d.get("anomaly")).put("enabled", true)));

    JsonNode last = kafka.awaitEvaluation(of(historyId(metricId, version, 29), version));
    assertTrue(last.get("rule").asText().startsWith("history learned: 30 windows; "), last.get("rule").asText());
  }

  private static double value(int window) {
    int hour = (window % 12) * 2;
    return 100 + 40 * Math.cos((hour - 14) * Math.PI / 12) + (window % 3);
  }

  private static ObjectNode chunk(String metricId, String version, int windows, int first, int count) {
    ObjectNode chunk = Fixtures.JSON.createObjectNode()
        .put("schemaVersion", 1).put("type", "history")
        .put("id", EventId.of(metricId, version, "history", Integer.toString(first)))
        .put("metricId", metricId).put("definitionVersion", version).put("period", "2h")
        .put("periodSeconds", PERIOD).put("historyStart", START.toString())
        .put("historyEnd", START.plusSeconds((long) PERIOD * windows).toString()).put("windows", windows)
        .put("firstWindow", first).put("chunkWindows", count).put("last", first + count == windows)
        .put("computedAt", Instant.now().toString());
    ArrayNode observations = chunk.putArray("observations");
    for (int w = first; w < first + count; w++) {
      Instant start = START.plusSeconds((long) PERIOD * w);
      boolean outage = w == 60 || w == 61;
      observations.addObject().put("id", EventId.of(metricId, version, start.toString(), "*"))
          .put("windowStart", start.toString()).put("windowEnd", start.plusSeconds(PERIOD).toString())
          .put("status", "ok").put("value", outage ? 0.0 : value(w)).putNull("dimension").putNull("error");
    }
    Contracts.assertValid("observation-history.v1.json", chunk);
    return chunk;
  }

  private static String historyId(String metricId, String version, int window) {
    return EventId.of(metricId, version, START.plusSeconds((long) PERIOD * window).toString(), "*");
  }

  private static String observe(String metricId, String version, Instant start, double value) {
    ObjectNode observation = Fixtures.observation(metricId, version, start, PERIOD, "ok", value, null, null);
    kafka.sendObservation(metricId, observation.toString());
    return Fixtures.id(observation);
  }
}
