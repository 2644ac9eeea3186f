package io.heartbeat.compute.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.compute.EventSchemas;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.ObservationTopic;
import io.heartbeat.compute.messaging.RegistryPartitions;
import io.quarkus.test.junit.QuarkusTest;

/** The schedule's share of the work: its own registry partitions only, and claims left unacknowledged by others. */
@QuarkusTest
class ComputeTickTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static ObservationTopic topic;

  @Inject
  RegistryPartitions partitions;

  @BeforeAll
  static void openTopic() {
    topic = new ObservationTopic();
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void shouldComputeOnlyMetricsOnItsOwnRegistryPartitions() throws Exception {
    Set<Integer> owned = await().atMost(Duration.ofSeconds(30)).until(partitions::owned, found -> !found.isEmpty());
    String mine = Fixtures.metricId("mine");
    String theirs = Fixtures.metricId("theirs");
    Instant since = Instant.now().minus(MINUTE.multipliedBy(3));
    Fixtures.insertMetric(theirs, "select 1 as value", since, 99);
    Fixtures.insertMetric(mine, "select 1 as value", since, owned.iterator().next());

    await().atMost(Duration.ofSeconds(20)).until(() -> runs(mine) >= 3);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runs(theirs) == 0);

    // The group hands its partition to this instance: it computes the metric, with the windows missed meanwhile.
    Fixtures.execute("update compute.metric set registry_partition = ? where metric_id = ?",
        owned.iterator().next(), theirs);
    await().atMost(Duration.ofSeconds(20)).until(() -> runs(theirs) >= 3);
  }

  @Test
  void shouldRepublishClaimedWindowNobodyAcknowledged() throws Exception {
    String metricId = Fixtures.metricId("orphan");
    Instant now = Instant.now();
    Window window = WindowClock.lastClosed(now, MINUTE);
    Instant claimedAt = now.truncatedTo(ChronoUnit.MILLIS);
    ObjectNode observation = observation(metricId, window, claimedAt);
    ArrayNode payload = new ObjectMapper().createArrayNode().add(observation);
    // Another instance claimed the metric's first window and died before the broker acknowledged it.
    Fixtures.execute("insert into compute.window_run (metric_id, window_start, window_end, definition_version, "
        + "status, computed_at, observations, computed_by, payload) values (?, ?, ?, ?, 'ok', ?, 1, 'dead', ?::jsonb)",
        metricId, window.start(), window.end(), Fixtures.VERSION, claimedAt, payload.toString());
    Fixtures.insertMetric(metricId, "select 5 as value", now, null);

    // A young claim may still be in flight on its instance: left alone (compute.republish-after is 3s in tests).
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> topic.records(metricId).isEmpty());
    List<JsonNode> republished = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
        .until(() -> topic.observations(metricId), found -> !found.isEmpty());

    JsonNode record = republished.get(0);
    assertEquals(observation.get("id").asText(), record.get("id").asText(), "the same record, not a recomputation");
    assertEquals(4, record.get("value").asInt(), "the claimed value, not the one value_sql would give now");
    assertEquals(Instant.parse(observation.get("computedAt").asText()), Instant.parse(record.get("computedAt").asText()));
    assertEquals(Set.of(), EventSchemas.observationErrors(record));
    await().atMost(Duration.ofSeconds(5)).until(() -> Fixtures.queryValue("select published_at from "
        + "compute.window_run where metric_id = ? and window_start = ?", metricId, window.start()) != null);
    assertNull(Fixtures.queryValue("select payload from compute.window_run where metric_id = ? and window_start = ?",
        metricId, window.start()), "the payload is dropped once acknowledged");
    assertEquals("dead", Fixtures.queryValue("select computed_by from compute.window_run where metric_id = ? "
        + "and window_start = ?", metricId, window.start()));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> topic.observations(metricId).stream().filter(o -> o.get("windowStart").asText()
            .equals(window.start().toString())).count() == 1);
    assertNotNull(record.get("windowEnd"));
  }

  private static ObjectNode observation(String metricId, Window window, Instant computedAt) throws Exception {
    ObjectNode observation = new ObjectMapper().createObjectNode();
    observation.put("schemaVersion", 1);
    observation.put("id", Fixtures.sha256(metricId + "|" + Fixtures.VERSION + "|" + window.start() + "|*"));
    observation.put("metricId", metricId);
    observation.put("definitionVersion", Fixtures.VERSION);
    observation.put("period", "1m");
    observation.put("windowStart", window.start().toString());
    observation.put("windowEnd", window.end().toString());
    observation.put("computedAt", computedAt.toString());
    observation.put("status", "ok");
    observation.put("value", 4);
    observation.putNull("dimension");
    observation.putNull("error");
    return observation;
  }

  private static long runs(String metricId) throws Exception {
    return (Long) Fixtures.queryValue("select count(*) from compute.window_run where metric_id = ?", metricId);
  }
}
