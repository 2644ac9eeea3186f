package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Replaying heartbeat.observations from the start (the same records sent again, in the same order, on the same
 * partition) yields the same evaluations and alerts and opens no new episode.
 */
@QuarkusTest
class ReplayTest {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-07-01T00:00:00Z");

  private static KafkaSupport kafka;

  @Inject
  Pool pool;

  @Inject
  EvaluationService evaluations;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void shouldNotOpenSecondEpisodeOnReplay() {
    String metricId = Fixtures.metricId("replay");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.windows(
        Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY), 2, 2));
    MetricTable.awaitVersion(pool, metricId, version);
    double[] values = {60, 41, 41, 41, 60, 60, 60, 52};
    List<ObjectNode> sent = new ArrayList<>();
    for (int day = 0; day < values.length; day++) {
      sent.add(Fixtures.observation(metricId, version, day(day), DAY, "ok", values[day], null, null));
      sent.add(Fixtures.observation(metricId, version, day(day), DAY, "ok", values[day] / 2, "customer", "acme"));
    }
    sent.forEach(o -> kafka.sendObservation(metricId, o.toString()));
    kafka.awaitAlerts(a -> a.get("metricId").asText().equals(metricId), 2);
    kafka.awaitEvaluation(of(Fixtures.id(sent.get(sent.size() - 1)), version));
    String before = snapshot(metricId);

    sent.forEach(o -> kafka.sendObservation(metricId, o.toString()));
    // Same key, same partition: once the next day is judged, every replayed record has been handled.
    ObjectNode next = Fixtures.observation(metricId, version, day(values.length), DAY, "ok", 52.0, null, null);
    kafka.sendObservation(metricId, next.toString());
    JsonNode judged = kafka.awaitEvaluation(of(Fixtures.id(next), version));

    assertEquals(sent.size() + 1, kafka.evaluations(e -> e.get("metricId").asText().equals(metricId)).size(),
        "each observation was published once, the replayed ones not again");
    assertEquals(List.of("firing", "resolved", "firing"),
        kafka.awaitAlerts(a -> a.get("metricId").asText().equals(metricId), 3).stream()
            .map(a -> a.get("type").asText()).toList(), "the replay published no alert; day 8 is a new episode");
    assertEquals(before, snapshotWithout(metricId, day(values.length)),
        "evaluations, alert steps and episodes as before the replay");
    // The replayed windows were not learned again: typical still covers the 8 distinct days.
    assertEquals(8, judged.at("/typical/windows").asInt());
    assertEquals("amber in 2 windows (trigger 2)",
        kafka.alerts(a -> a.get("metricId").asText().equals(metricId)).get(2).get("reason").asText());
  }

  @Test
  void shouldJudgeIdenticallyWhenACrashReplaysFromTheLastCheckpoint() {
    String metricId = Fixtures.metricId("crash");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.windows(
        Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY), 2, 2));
    MetricTable.awaitVersion(pool, metricId, version);
    double[] values = {60, 41, 41, 41, 60, 60, 60, 52};
    List<String> sent = new ArrayList<>();
    for (int day = 0; day < values.length; day++) {
      sent.add(Fixtures.observation(metricId, version, day(day), DAY, "ok", values[day], null, null).toString());
    }
    sent.subList(0, 4).forEach(o -> kafka.sendObservation(metricId, o));
    kafka.awaitAlerts(a -> a.get("metricId").asText().equals(metricId), 1);
    evaluations.checkpoint().await().atMost(KafkaSupport.PATIENCE);
    sent.subList(4, 8).forEach(o -> kafka.sendObservation(metricId, o));
    kafka.awaitAlerts(a -> a.get("metricId").asText().equals(metricId), 2);
    kafka.awaitEvaluation(e -> e.get("observationId").asText().equals(Fixtures.id(read(sent.get(7)))));

    // The crash loses days 4-7 from memory; their records come again from the checkpoint's offsets.
    evaluations.dropMemory().await().atMost(KafkaSupport.PATIENCE);
    assertEquals(1L, pool.preparedQuery("select count(*) from alert.series_state where metric_id = $1"
        + " and state->>'lastWindowStart' = $2").execute(Tuple.of(metricId, day(3).toString()))
        .await().indefinitely().iterator().next().getLong(0), "the last checkpoint holds day 3");
    sent.subList(4, 8).forEach(o -> kafka.sendObservation(metricId, o));
    ObjectNode next = Fixtures.observation(metricId, version, day(8), DAY, "ok", 52.0, null, null);
    kafka.sendObservation(metricId, next.toString());
    JsonNode judged = kafka.awaitEvaluation(of(Fixtures.id(next), version));

    assertEquals(List.of("firing", "resolved", "firing"),
        kafka.awaitAlerts(a -> a.get("metricId").asText().equals(metricId), 3).stream()
            .map(a -> a.get("type").asText()).toList(), "the replayed resolve was not published again;"
            + " the replayed pending day 7 made day 8 fire");
    assertEquals(values.length + 1, kafka.evaluations(e -> e.get("metricId").asText().equals(metricId)).size());
    assertEquals(8, judged.at("/typical/windows").asInt(), "days 4-7 were learned once, from the checkpoint");
    assertEquals(2L, pool.preparedQuery("select count(*) from alert.episode where metric_id = $1")
        .execute(Tuple.of(metricId)).await().indefinitely().iterator().next().getLong(0));
  }

  private static JsonNode read(String json) {
    try {
      return Fixtures.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything stored about the metric, as text, in a stable order. */
  private String snapshot(String metricId) {
    return snapshotWithout(metricId, Instant.parse("9999-01-01T00:00:00Z"));
  }

  /** The same, leaving out windows from the given start on (the new episode opened after the replay). */
  private String snapshotWithout(String metricId, Instant from) {
    StringBuilder out = new StringBuilder();
    String[] queries = {
        "select id || ' ' || status || ' ' || rule || ' ' || evaluated_at from alert.evaluation"
            + " where metric_id = $1 and window_start < $2 order by id",
        "select id || ' ' || type || ' ' || occurred_at from alert.alert_event where metric_id = $1"
            + " and window_start < $2::timestamptz - interval '1 day' order by id",
        "select dedup_key || ' ' || state || ' ' || peak_status || ' ' || coalesce(resolved_at::text, '-')"
            + " from alert.episode where metric_id = $1 and started_at < $2::timestamptz - interval '1 day'"
            + " order by dedup_key"};
    for (String sql : queries) {
      for (Row row : pool.preparedQuery(sql).execute(Tuple.of(metricId, from.atOffset(ZoneOffset.UTC)))
          .await().indefinitely()) {
        out.append(row.getString(0)).append('\n');
      }
    }
    return out.toString();
  }

  private static Instant day(int n) {
    return DAY_ONE.plusSeconds((long) n * DAY);
  }
}
