package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.model.EventId;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Alert episodes end to end: evaluations in, steps on heartbeat.alerts and rows in alert.episode out. */
@QuarkusTest
class AlertEpisodeTest {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-06-01T00:00:00Z");

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
  void shouldFireEscalateAndResolveOneEpisodeWithOneDedupKey() {
    String metricId = Fixtures.metricId("episode");
    String version = define(metricId, 2, 2);
    double[] values = {60, 52, 60, 52, 52, 41, 60, 41, 60, 60};
    String[] ids = new String[values.length];
    for (int day = 0; day < values.length; day++) {
      ids[day] = observe(metricId, version, day, values[day]);
    }

    List<JsonNode> steps = kafka.awaitAlerts(byMetric(metricId), 3);

    // Day 1 amber alone is pending and drops back (flap); days 3-4 amber fire; day 5 red escalates; day 7 red
    // inside the recovery keeps the episode; days 8-9 green resolve it.
    String dedupKey = EventId.of(metricId, "*", day(3).toString());
    assertEquals(List.of("firing|amber|null", "escalated|red|amber", "resolved|green|red"),
        steps.stream().map(s -> s.get("type").asText() + "|" + s.get("status").asText() + "|"
            + s.get("previousStatus").asText()).toList());
    steps.forEach(s -> {
      assertEquals(dedupKey, s.get("dedupKey").asText());
      assertEquals(day(3).toString(), s.get("episodeStart").asText());
      assertEquals("unverified", s.get("stage").asText());
    });
    JsonNode firing = steps.get(0);
    assertEquals("amber in 2 windows (trigger 2)", firing.get("reason").asText());
    assertEquals(EventId.of(ids[4], version), firing.at("/evidence/evaluationId").asText());
    assertEquals(52.0, firing.at("/evidence/value").asDouble());
    assertEquals("value 52 < norm_value 55 (higher_is_better): amber", firing.at("/evidence/rule").asText());
    assertEquals(50.0, firing.at("/evidence/thresholds/alertValue").asDouble());
    assertEquals(EventId.of(dedupKey, "firing", day(4).toString()), firing.get("id").asText());
    assertEquals(day(9).toString(), steps.get(2).at("/evidence/windowStart").asText());

    Row episode = episode(dedupKey);
    assertEquals("resolved|green|red", episode.getString("state") + "|" + episode.getString("status") + "|"
        + episode.getString("peak_status"));
    assertEquals(day(4), episode.getOffsetDateTime("fired_at").toInstant());
    assertEquals(day(10), episode.getOffsetDateTime("resolved_at").toInstant());
    assertEquals(3L, count("select count(*) from alert.alert_event where dedup_key = $1", dedupKey));
  }

  @Test
  void shouldResumePendingEpisodeAfterRestart() {
    String metricId = Fixtures.metricId("resume");
    String version = define(metricId, 3, 1);
    observe(metricId, version, 0, 60);
    observe(metricId, version, 1, 41);
    String second = observe(metricId, version, 2, 41);
    kafka.awaitEvaluation(of(second, version));

    // A graceful restart: checkpoint, forget memory; the next batch reads definitions and states from PostgreSQL.
    evaluations.restart().await().atMost(KafkaSupport.PATIENCE);
    assertEquals(1L, count("select count(*) from alert.series_state where metric_id = $1 and series = '*'"
        + " and state->>'lastWindowStart' = '" + day(2) + "'", metricId));
    String third = observe(metricId, version, 3, 41);

    JsonNode firing = kafka.awaitAlerts(byMetric(metricId), 1).get(0);
    assertEquals("firing", firing.get("type").asText());
    assertEquals(day(1).toString(), firing.get("episodeStart").asText(), "the pending count survived the restart");
    JsonNode evaluation = kafka.awaitEvaluation(of(third, version));
    assertEquals(3, evaluation.at("/typical/windows").asInt(), "history survived the restart");
    assertEquals(0.0, evaluation.at("/change/absolute").asDouble());
  }

  @Test
  void shouldFireWhenTheBandIsBreachedOnTheBadSideForTheTriggerWindow() {
    String metricId = Fixtures.metricId("band");
    String version = Fixtures.version(metricId, "v1");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", null, null, "1d", DAY);
    kafka.sendDefinition(metricId, Fixtures.amend(event, d -> ((ObjectNode) d.get("anomaly")).put("enabled", true)
        .put("sensitivity", 3.0).put("triggerWindows", 2).put("recoveryWindows", 2).put("minHistoryWindows", 14)));
    MetricTable.awaitVersion(pool, metricId, version);
    int days = 30;
    for (int day = 0; day < days; day++) {
      observe(metricId, version, day, 100 + (day % 5) - 2);
    }
    String spike = observe(metricId, version, days, 140);
    String firstDrop = observe(metricId, version, days + 1, 40);
    String secondDrop = observe(metricId, version, days + 2, 40);
    observe(metricId, version, days + 3, 100);
    observe(metricId, version, days + 4, 100);

    assertEquals("green", kafka.awaitEvaluation(of(spike, version)).get("status").asText(),
        "above the band is the good side of a heartbeat");
    JsonNode first = kafka.awaitEvaluation(of(firstDrop, version));
    assertEquals("green", first.get("status").asText());
    assertTrue(first.get("rule").asText().endsWith("; 1 of the last 4 windows out on the bad side (trigger 2): green"), first.get("rule").asText());
    JsonNode second = kafka.awaitEvaluation(of(secondDrop, version));
    assertEquals("anomalous", second.get("status").asText());
    assertTrue(second.at("/band/lower").asDouble() > 40 && second.at("/band/expected").asDouble() > 90,
        "an outage of one day did not drag the band down: " + second.get("band"));
    List<JsonNode> steps = kafka.awaitAlerts(byMetric(metricId), 2);
    assertEquals("firing|anomalous|" + day(days + 2), steps.get(0).get("type").asText() + "|"
        + steps.get(0).get("status").asText() + "|" + steps.get(0).get("episodeStart").asText());
    assertEquals(second.get("band"), steps.get(0).at("/evidence/band"));
    assertEquals("resolved", steps.get(1).get("type").asText());
  }

  @Test
  void shouldResolveAnOpenEpisodeWhenThePeriodChangesOrTheMetricIsRemoved() {
    String changed = Fixtures.metricId("period");
    String version = define(changed, 1, 1);
    observe(changed, version, 0, 40);
    assertEquals("firing", kafka.awaitAlerts(byMetric(changed), 1).get(0).get("type").asText());
    String hourly = Fixtures.version(changed, "v2");
    kafka.sendDefinition(changed, Fixtures.windows(Fixtures.definition(changed, hourly, "higher_is_better", 55.0,
        50.0, "1h", 3600), 1, 1));

    JsonNode resolved = kafka.awaitAlerts(byMetric(changed), 2).get(1);
    assertEquals("resolved", resolved.get("type").asText());
    assertEquals("period changed from 1d to 1h", resolved.get("reason").asText());
    assertEquals("unknown", resolved.get("status").asText());
    Contracts.assertValid(Contracts.ALERT, resolved);

    String removed = Fixtures.metricId("removed");
    String removedVersion = define(removed, 1, 1);
    observe(removed, removedVersion, 0, 40);
    kafka.awaitAlerts(byMetric(removed), 1);
    kafka.sendDefinition(removed, null);
    JsonNode gone = kafka.awaitAlerts(byMetric(removed), 2).get(1);
    assertEquals("resolved|metric removed from the registry", gone.get("type").asText() + "|"
        + gone.get("reason").asText());
    assertEquals(0L, count("select count(*) from alert.episode where metric_id = $1 and state <> 'resolved'",
        removed), "no episode is left firing");
  }

  private static Predicate<JsonNode> byMetric(String metricId) {
    return a -> a.get("metricId").asText().equals(metricId);
  }

  // Consecutive bad windows fire (trigger of trigger): k of n flapping is EpisodeTrackerTest's and SeriesJudgeTest's.
  private String define(String metricId, int trigger, int recovery) {
    String version = Fixtures.version(metricId, "v1");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, trigger, recovery),
        d -> ((ObjectNode) d.get("anomaly")).put("triggerWithinWindows", trigger)));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  private String observe(String metricId, String version, int day, double value) {
    ObjectNode observation = Fixtures.observation(metricId, version, day(day), DAY, "ok", value, null, null);
    kafka.sendObservation(metricId, observation.toString());
    return Fixtures.id(observation);
  }

  private Row episode(String dedupKey) {
    var rows = pool.preparedQuery("select * from alert.episode where dedup_key = $1")
        .execute(Tuple.of(dedupKey)).await().indefinitely();
    assertTrue(rows.size() == 1, "one episode row");
    return rows.iterator().next();
  }

  private long count(String sql, String parameter) {
    return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
  }

  private static Instant day(int n) {
    return DAY_ONE.plusSeconds((long) n * DAY);
  }
}
