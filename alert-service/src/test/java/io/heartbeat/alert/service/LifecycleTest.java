package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.repository.LastObservationRepository;
import io.heartbeat.alert.repository.LastObservationRepository.Watched;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * docs/lifecycle.md's table, alert-service's columns, through Kafka and PostgreSQL: the same drop at each stage is
 * judged or not, opens an episode or not, and counts as SLA downtime or not; a move out of an alerting stage
 * resolves the open episode.
 */
@QuarkusTest
class LifecycleTest {

  private static final int HOUR = 3600;
  private static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");

  private static KafkaSupport kafka;

  @Inject
  Pool pool;

  @Inject
  SlaService slas;

  @Inject
  EvaluationService evaluations;

  @Inject
  LastObservationRepository lastObservations;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Stage.class)
  void shouldJudgeOpenEpisodesAndCountDowntimeForADropAsItsStageSays(Stage stage) {
    String metricId = Fixtures.metricId("life_" + stage.wire());
    String sla = sla(metricId);
    String version = define(metricId, "v1", stage, sla);
    // Green, then two red hours: with trigger 1 the first red hour fires, wherever episodes are allowed.
    String green = observe(metricId, version, 0, 60);
    String drop = observe(metricId, version, 1, 41);
    observe(metricId, version, 2, 41);
    awaitJudgedAfter(metricId);

    if (stage.judged()) {
      assertEquals("green", kafka.awaitEvaluation(of(green, version)).get("status").asText());
      assertEquals("red", kafka.awaitEvaluation(of(drop, version)).get("status").asText(),
          "a judged stage shows the drop red, whether or not it alerts");
    }
    assertEquals(stage.judged() ? 3 : 0, count("select count(*) from alert.evaluation where metric_id = $1",
        metricId), "evaluations");
    if (stage.opensEpisodes()) {
      JsonNode firing = kafka.awaitAlerts(byMetric(metricId), 1).get(0);
      assertEquals("firing|red|" + hour(1) + "|" + stage.wire(), firing.get("type").asText() + "|"
          + firing.get("status").asText() + "|" + firing.get("episodeStart").asText() + "|"
          + firing.get("stage").asText());
    }
    assertEquals(stage.opensEpisodes() ? 1 : 0, count("select count(*) from alert.episode where metric_id = $1"
        + " and state = 'firing'", metricId), "open episodes");
    assertEquals(stage.opensEpisodes() ? 1 : 0, count("select count(*) from alert.alert_event where metric_id = $1",
        metricId), "alert steps");
    assertEquals(stage.countsDowntime() ? 120.0 : 0.0, downtimeMinutes(sla), "SLA downtime minutes");
    assertEquals(stage.countsDowntime() ? 1 : 0, count("select count(*) from alert.downtime where metric_id = $1",
        metricId), "ledger rows");

    // The heartbeat then stops: a judged stage is called stale, and only an alerting one escalates and counts it.
    Watched watched = watched(metricId);
    assertEquals(stage.judged(), watched != null, "the stale check watches judged stages only");
    if (watched == null) {
      return;
    }
    assertTrue(evaluations.markStale(watched, 2).await().atMost(KafkaSupport.PATIENCE), "a new silence");
    assertEquals(1, count("select count(*) from alert.evaluation where metric_id = $1 and status = 'stale'",
        metricId), "the stale evaluation");
    if (stage.opensEpisodes()) {
      JsonNode escalated = kafka.awaitAlerts(byMetric(metricId), 2).get(1);
      assertEquals("escalated|stale", escalated.get("type").asText() + "|" + escalated.get("status").asText());
    }
    assertEquals(stage.opensEpisodes() ? 2 : 0, count("select count(*) from alert.alert_event where metric_id = $1",
        metricId), "alert steps after the silence");
    // The red hours and the silence after them are one interval, cut at the end of the day asked.
    assertEquals(stage.countsDowntime() ? 23 * 60.0 : 0.0, downtimeMinutes(sla), "SLA downtime with the silence");
  }

  @Test
  void shouldResolveTheOpenEpisodeWhenAPagingMetricIsDeprecatedAndStartAfreshWhenRevived() {
    String metricId = Fixtures.metricId("life_move");
    String sla = sla(metricId);
    String paging = define(metricId, "v1", Stage.PAGING, sla);
    observe(metricId, paging, 0, 60);
    observe(metricId, paging, 1, 41);
    assertEquals("firing", kafka.awaitAlerts(byMetric(metricId), 1).get(0).get("type").asText());

    String deprecated = define(metricId, "v2", Stage.DEPRECATED, sla);

    JsonNode resolved = kafka.awaitAlerts(byMetric(metricId), 2).get(1);
    assertEquals("resolved|unknown|red", resolved.get("type").asText() + "|" + resolved.get("status").asText() + "|"
        + resolved.get("previousStatus").asText());
    assertEquals("stage moved from paging to deprecated, which opens no episodes", resolved.get("reason").asText());
    assertEquals("paging", resolved.get("stage").asText(), "resolved where the episode paged");
    assertEquals(resolved.get("dedupKey"), kafka.alerts(byMetric(metricId)).get(0).get("dedupKey"));
    Awaitility.await().atMost(KafkaSupport.PATIENCE).until(() -> count("select count(*) from alert.episode"
        + " where metric_id = $1 and state = 'firing'", metricId) == 0);

    // Still red while deprecated: judged and shown, nothing more.
    String stillRed = observe(metricId, deprecated, 2, 41);
    awaitJudgedAfter(metricId);
    assertEquals("red", kafka.awaitEvaluation(of(stillRed, deprecated)).get("status").asText());
    assertEquals(2, count("select count(*) from alert.alert_event where metric_id = $1", metricId),
        "firing and resolved, no new step");
    assertEquals(60.0, downtimeMinutes(sla), "only the red hour while paging counts");

    // Revived (an admin's deprecated -> unverified): the next red hour is a new episode and a new interval.
    String unverified = define(metricId, "v3", Stage.UNVERIFIED, sla);
    observe(metricId, unverified, 3, 41);
    JsonNode again = kafka.awaitAlerts(byMetric(metricId), 3).get(2);
    assertEquals("firing|" + hour(3) + "|unverified", again.get("type").asText() + "|"
        + again.get("episodeStart").asText() + "|" + again.get("stage").asText());
    Awaitility.await().atMost(KafkaSupport.PATIENCE).until(() -> downtimeMinutes(sla) == 120.0);
    assertEquals(2, count("select count(*) from alert.downtime where metric_id = $1", metricId),
        "the deprecated hour split the ledger in two intervals");
  }

  /** A metric.defined event at the stage, in its own SLA, trigger and recovery 1; waits until it is in force. */
  private String define(String metricId, String revision, Stage stage, String sla) {
    String version = Fixtures.version(metricId, revision);
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1h", HOUR);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, 1, 1),
        d -> d.put("stage", stage.wire()).putArray("slas").add(sla)));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  private String observe(String metricId, String version, int hour, double value) {
    ObjectNode observation = Fixtures.observation(metricId, version, hour(hour), HOUR, "ok", value, null, null);
    kafka.sendObservation(metricId, observation.toString());
    return Fixtures.id(observation);
  }

  /**
   * Waits until everything sent for metricId so far is judged and written, even what left no trace: a metric on the
   * same partition observes after it, and its evaluation row commits with (or after) theirs.
   */
  private void awaitJudgedAfter(String metricId) {
    String sentinel = kafka.onSamePartition(metricId, "life_after");
    String version = define(sentinel, "v1", Stage.UNVERIFIED, sla(sentinel));
    String observationId = observe(sentinel, version, 0, 60);
    Awaitility.await().atMost(KafkaSupport.PATIENCE).pollInterval(Duration.ofMillis(50))
        .until(() -> MetricTable.evaluationCount(pool, observationId) == 1);
  }

  private Watched watched(String metricId) {
    List<Watched> all = lastObservations.watched().await().atMost(KafkaSupport.PATIENCE);
    return all.stream().filter(w -> w.metric().metricId().equals(metricId)).findFirst().orElse(null);
  }

  private double downtimeMinutes(String sla) {
    return slas.report(sla, DAY, DAY.plusSeconds(24L * HOUR)).await().atMost(KafkaSupport.PATIENCE)
        .downtimeMinutes();
  }

  private long count(String sql, String parameter) {
    return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
  }

  private static String sla(String metricId) {
    return "t-sla-" + metricId.substring(2);
  }

  private static Predicate<JsonNode> byMetric(String metricId) {
    return a -> a.get("metricId").asText().equals(metricId);
  }

  private static Instant hour(int n) {
    return DAY.plusSeconds((long) n * HOUR);
  }
}
