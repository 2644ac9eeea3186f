package io.heartbeat.compute.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.EventSchemas;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.HistoryTestProfile;
import io.heartbeat.compute.ObservationTopic;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Warm start through real Kafka and PostgreSQL: a new metric's history (one day of 1m windows here) is published in
 * chunks, oldest first, bounded by the data, and only then its live windows; a value_sql change gets its own history;
 * a restarted job resumes at its cursor; a failing chunk statement falls back to per-window errors.
 */
@QuarkusTest
@TestProfile(HistoryTestProfile.class)
class HistoryRunnerTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static ObservationTopic topic;

  @BeforeAll
  static void openTopic() {
    topic = new ObservationTopic();
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void shouldPublishHistoryOldestFirstThenLiveWindows() throws Exception {
    String metricId = Fixtures.metricId("history");
    Instant first = WindowClock.floor(Instant.now(), MINUTE).minus(MINUTE.multipliedBy(700));
    Fixtures.insertRows(metricId, first.plusSeconds(1), "eu", 2);
    Fixtures.insertRows(metricId, first.plusSeconds(2), "us", 1);
    // An hour later us is gone: remembered, so it is published as 0 (filled), as a customer dropping to zero.
    Instant later = first.plus(MINUTE.multipliedBy(60));
    Fixtures.insertRows(metricId, later.plusSeconds(3), "eu", 4);
    String sql = "select region as dimension, count(*)::numeric as value, count(*) as count "
        + "from marts.compute_fixture where run = '" + metricId + "' and created_at >= :window_start "
        + "and created_at < :window_end group by rollup (region)";
    DefinitionEvents.defined(metricId, sql).dimension("region").publish();

    List<JsonNode> events = awaitLiveAfterHistory(metricId);

    List<JsonNode> chunks = chunksBeforeLive(events);
    JsonNode head = chunks.get(0);
    Instant historyEnd = Instant.parse(head.get("historyEnd").asText());
    assertEquals(first, Instant.parse(head.get("historyStart").asText()), "leading windows of 0 are not history");
    int windows = (int) (Duration.between(first, historyEnd).toMinutes());
    assertEquals(windows, head.get("windows").asInt());
    assertTrue(chunks.size() >= 2, "several chunks: " + chunks.size());
    assertChunks(metricId, chunks, Fixtures.VERSION);

    Map<String, JsonNode> window = observationsOf(chunks, first);
    assertEquals(3, window.get("*").get("value").asInt());
    assertEquals(3, window.get("*").get("count").asInt(), "value_sql's count column");
    assertEquals(2, window.get("eu").get("value").asInt());
    assertEquals(1, window.get("us").get("value").asInt());
    Map<String, JsonNode> gone = observationsOf(chunks, later);
    assertEquals(4, gone.get("eu").get("value").asInt());
    assertTrue(gone.get("us").get("filled").asBoolean(), gone.toString());
    assertEquals(0, gone.get("us").get("value").asInt());
    assertEquals(0, gone.get("us").get("count").asInt());
    assertFalse(gone.get("eu").has("filled"), "only a fill says filled");

    JsonNode live = events.stream().filter(e -> !ObservationTopic.isHistory(e)).findFirst().orElseThrow();
    assertEquals(historyEnd, Instant.parse(live.get("windowStart").asText()),
        "the live schedule starts where the history ends");
    assertEquals(Set.of(), EventSchemas.observationErrors(live));
    assertFalse(live.has("type"), "a live observation keeps type absent");
    assertEquals("done", Fixtures.queryValue("select state from compute.history where metric_id = ?", metricId));
    assertEquals(chunks.size(), Fixtures.queryValue("select chunks from compute.history where metric_id = ?",
        metricId));
  }

  @Test
  void shouldPublishOneEmptyLastChunkWithoutData() throws Exception {
    String metricId = Fixtures.metricId("nodata");
    DefinitionEvents.defined(metricId, "select count(*) as value from marts.compute_fixture where run = '"
        + metricId + "' and created_at >= :window_start and created_at < :window_end").publish();

    List<JsonNode> events = awaitLiveAfterHistory(metricId);

    List<JsonNode> chunks = chunksBeforeLive(events);
    assertEquals(1, chunks.size(), chunks.toString());
    JsonNode chunk = chunks.get(0);
    assertEquals(Set.of(), EventSchemas.historyErrors(chunk), chunk.toString());
    assertEquals(0, chunk.get("windows").asInt());
    assertEquals(0, chunk.get("chunkWindows").asInt());
    assertEquals(0, chunk.get("firstWindow").asInt());
    assertTrue(chunk.get("last").asBoolean());
    assertEquals(0, chunk.get("observations").size());
  }

  @Test
  void shouldComputeNewHistoryWhenValueSqlChanges() throws Exception {
    String metricId = Fixtures.metricId("change");
    DefinitionEvents.defined(metricId, "select 1 as value").version("1111111111111111").publish();
    awaitLiveAfterHistory(metricId);

    DefinitionEvents.defined(metricId, "select 2 as value").version("2222222222222222").publish();

    // The change takes effect at the next window (up to a minute away), whose live observation is due a minute later.
    List<JsonNode> events = await().atMost(Duration.ofSeconds(180)).pollInSameThread()
        .until(() -> topic.events(metricId), found -> found.stream().anyMatch(e -> !ObservationTopic.isHistory(e)
            && "2222222222222222".equals(e.get("definitionVersion").asText())));
    List<JsonNode> second = events.stream().filter(e -> "2222222222222222".equals(e.get("definitionVersion")
        .asText())).toList();
    List<JsonNode> chunks = chunksBeforeLive(second);
    assertEquals(1440, chunks.get(0).get("windows").asInt(), "a day of windows, every one with data");
    assertChunks(metricId, chunks, "2222222222222222");
    JsonNode live = second.stream().filter(e -> !ObservationTopic.isHistory(e)).findFirst().orElseThrow();
    assertEquals(chunks.get(0).get("historyEnd").asText(), live.get("windowStart").asText(),
        "the new version's history ends at its first live window");
    assertEquals(2, live.get("value").asInt());
    JsonNode lastOfOld = events.stream().filter(e -> !ObservationTopic.isHistory(e)
        && "1111111111111111".equals(e.get("definitionVersion").asText())).reduce((a, b) -> b).orElseThrow();
    assertTrue(Instant.parse(lastOfOld.get("windowStart").asText())
        .isBefore(Instant.parse(live.get("windowStart").asText())), "the old version's windows come first");
  }

  @Test
  void shouldResumeHistoryAtItsCursorAfterRestart() throws Exception {
    String metricId = Fixtures.metricId("resume");
    Instant activeSince = Instant.now();
    Instant end = HistoryRange.endForNewMetric(activeSince, MINUTE);
    Instant start = end.minus(MINUTE.multipliedBy(1440));
    // An instance published the first 1,000 windows (two chunk statements) and was killed: the row says so.
    String definition = DefinitionEvents.defined(metricId, "select 7 as value").definitionJson();
    Fixtures.execute("insert into compute.history (metric_id, definition_version, definition, period_seconds, "
        + "range_start, history_end, history_start, windows, next_start, chunks, published, state) "
        + "values (?, ?, ?::jsonb, 60, ?, ?, ?, 1440, ?, 2, 1000, 'running')", metricId, Fixtures.VERSION,
        definition, start, end, start, start.plus(MINUTE.multipliedBy(1000)));
    Fixtures.insertMetric(metricId, "select 7 as value", activeSince, null);

    List<JsonNode> events = awaitLiveAfterHistory(metricId);

    List<JsonNode> chunks = chunksBeforeLive(events);
    assertEquals(List.of(1000), chunks.stream().map(c -> c.get("firstWindow").asInt()).toList(),
        "resumed at the cursor, nothing before it again");
    assertEquals(440, chunks.get(0).get("chunkWindows").asInt());
    assertTrue(chunks.get(0).get("last").asBoolean());
    assertEquals(start.plus(MINUTE.multipliedBy(1000)).toString(),
        chunks.get(0).get("observations").get(0).get("windowStart").asText());
    assertEquals(Set.of(), EventSchemas.historyErrors(chunks.get(0)));
  }

  @Test
  void shouldFallBackToPerWindowErrorsWhenChunkStatementFails() throws Exception {
    String metricId = Fixtures.metricId("fallback");
    // One window in seven divides by zero: the chunk statement fails as a whole, each window on its own does not.
    DefinitionEvents.defined(metricId,
        "select 60.0 / (extract(minute from :window_start)::int % 7) as value").publish();

    List<JsonNode> events = awaitLiveAfterHistory(metricId);

    List<JsonNode> chunks = chunksBeforeLive(events);
    assertChunks(metricId, chunks, Fixtures.VERSION);
    int errors = 0;
    for (JsonNode chunk : chunks) {
      for (JsonNode observation : chunk.get("observations")) {
        int minute = Instant.parse(observation.get("windowStart").asText()).atOffset(java.time.ZoneOffset.UTC)
            .getMinute();
        if (minute % 7 == 0) {
          assertEquals("error", observation.get("status").asText(), observation.toString());
          assertEquals("22012", observation.get("error").get("sqlState").asText());
          errors++;
        } else {
          assertEquals("ok", observation.get("status").asText(), observation.toString());
          assertEquals(60.0 / (minute % 7), observation.get("value").asDouble(), 1e-9);
        }
      }
    }
    assertTrue(errors > 100, "each failing window has its own error: " + errors);
  }

  /** Waits until the metric's first live observation is on the topic, and returns everything published for it. */
  private static List<JsonNode> awaitLiveAfterHistory(String metricId) {
    return await().atMost(Duration.ofSeconds(90)).pollInSameThread()
        .until(() -> topic.events(metricId), found -> found.stream().anyMatch(e -> !ObservationTopic.isHistory(e)));
  }

  /** The chunks, asserting that they all came before the first live observation. */
  private static List<JsonNode> chunksBeforeLive(List<JsonNode> events) {
    List<JsonNode> chunks = new ArrayList<>();
    boolean live = false;
    for (JsonNode event : events) {
      if (ObservationTopic.isHistory(event)) {
        assertFalse(live, "a history chunk after a live observation of its version: " + event.get("id"));
        chunks.add(event);
      } else {
        live = true;
      }
    }
    assertFalse(chunks.isEmpty(), "a history was published");
    assertTrue(chunks.get(chunks.size() - 1).get("last").asBoolean(), "the history ended before the live windows");
    return chunks;
  }

  /** Contract, ids, progress fields, and windows oldest first without a gap. */
  private static void assertChunks(String metricId, List<JsonNode> chunks, String version) throws Exception {
    int next = 0;
    Instant historyStart = Instant.parse(chunks.get(0).get("historyStart").asText());
    Instant expected = historyStart;
    int windows = chunks.get(0).get("windows").asInt();
    for (JsonNode chunk : chunks) {
      assertEquals(Set.of(), EventSchemas.historyErrors(chunk), chunk.get("id").asText());
      assertEquals(Fixtures.sha256(metricId + "|" + version + "|history|" + next), chunk.get("id").asText());
      assertEquals(next, chunk.get("firstWindow").asInt(), "chunks are consecutive");
      assertEquals(version, chunk.get("definitionVersion").asText());
      assertEquals(windows, chunk.get("windows").asInt());
      assertEquals(60, chunk.get("periodSeconds").asInt());
      assertTrue(chunk.get("observations").size() <= 2000);
      assertEquals(next + chunk.get("chunkWindows").asInt() == windows, chunk.get("last").asBoolean());
      for (JsonNode observation : chunk.get("observations")) {
        Instant start = Instant.parse(observation.get("windowStart").asText());
        if (observation.get("dimension").isNull()) {
          assertEquals(expected, start, "the total opens each window, oldest first");
          expected = expected.plus(MINUTE);
        }
        String key = observation.get("dimension").isNull() ? "*"
            : observation.get("dimension").get("kind").asText() + "=" + observation.get("dimension").get("value")
                .asText();
        assertEquals(Fixtures.sha256(metricId + "|" + version + "|" + start + "|" + key), observation.get("id")
            .asText());
      }
      next += chunk.get("chunkWindows").asInt();
    }
    assertEquals(windows, next);
    assertEquals(Instant.parse(chunks.get(0).get("historyEnd").asText()), expected, "every window up to the end");
  }

  /** One window's history observations by dimension value ("*" for the total). */
  private static Map<String, JsonNode> observationsOf(List<JsonNode> chunks, Instant windowStart) {
    Map<String, JsonNode> byValue = new HashMap<>();
    for (JsonNode chunk : chunks) {
      for (JsonNode observation : chunk.get("observations")) {
        if (observation.get("windowStart").asText().equals(windowStart.toString())) {
          byValue.put(observation.get("dimension").isNull() ? "*" : observation.get("dimension").get("value")
              .asText(), observation);
        }
      }
    }
    return byValue;
  }
}
