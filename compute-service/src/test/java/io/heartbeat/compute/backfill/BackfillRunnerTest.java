package io.heartbeat.compute.backfill;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.compute.EventSchemas;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.ObservationTopic;
import io.heartbeat.compute.Tokens;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Backfill jobs through real PostgreSQL and Kafka: each window once, at the configured rate, resumed from the row. */
@QuarkusTest
class BackfillRunnerTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  // The value is the window's own start, so every observation shows which window it computed.
  private static final String SQL = "select extract(epoch from :window_start)::bigint as value";
  private static final String JOB = "insert into compute.backfill (id, metric_id, requested_from, requested_to, "
      + "range_start, range_end, period_seconds, next_start, total, done, computed, state, requested_by, created_at, "
      + "updated_at, resumed_at, done_at_resume) values (?, ?, ?, ?, ?, ?, 60, ?, ?, ?, ?, 'running', 'olga', "
      + "now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', 0)";
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
  void shouldComputeEveryHistoricalWindowOnceAtBoundedRate() throws Exception {
    String metricId = Fixtures.metricId("history");
    Instant now = Instant.now();
    Fixtures.insertMetric(metricId, SQL, now, null);
    Instant scheduleStart = WindowClock.lastClosed(now, MINUTE).start();
    Instant from = scheduleStart.minus(MINUTE.multipliedBy(30));
    Instant earlier = scheduleStart.minus(MINUTE.multipliedBy(10));
    // Computed and published before (say by an earlier backfill): counted as done, never published again.
    Fixtures.execute("insert into compute.window_run (metric_id, window_start, window_end, definition_version, "
        + "status, computed_at, observations, computed_by, published_at) values (?, ?, ?, ?, 'ok', now(), 1, "
        + "'earlier', now())", metricId, earlier, earlier.plus(MINUTE), Fixtures.VERSION);

    Response accepted = given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body("{\"metric_id\": \"" + metricId + "\", \"from\": \"" + from + "\", \"to\": \""
            + now.plus(Duration.ofHours(1)) + "\"}")
        .post("/api/backfill").then().statusCode(202).extract().response();
    Instant to = Instant.parse(accepted.path("to"));
    int total = accepted.path("total");
    assertTrue(to.equals(scheduleStart) || to.equals(scheduleStart.plus(MINUTE)),
        "the backfill ends where the live schedule took over: " + to);
    assertEquals(Duration.between(from, to).toMinutes(), total);

    Map<String, Object> job = awaitState(accepted.path("id"), "done");
    assertEquals(total, job.get("done"));
    assertEquals(0, job.get("etaSeconds"));
    int computed = (int) job.get("computed");
    assertTrue(computed == total - 1 || computed == total - 2, "all but the window computed before (and the "
        + "schedule's own first window, if it came first): " + job);

    Map<Instant, List<JsonNode>> published = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
        .until(() -> windows(metricId, from, to), found -> found.size() == total - 1);
    assertFalse(published.containsKey(earlier), "the window computed before was not published again");
    for (Map.Entry<Instant, List<JsonNode>> window : published.entrySet()) {
      assertEquals(1, window.getValue().size(), "window " + window.getKey() + " published once");
      JsonNode observation = window.getValue().get(0);
      assertEquals(window.getKey().getEpochSecond(), observation.get("value").asLong());
      assertEquals(Set.of(), EventSchemas.observationErrors(observation));
    }
    List<Instant> computedAt = computedTimes(metricId, from, scheduleStart);
    // 20 windows per second in tests: the 21st is computed in the runner's next step, a second later.
    assertTrue(Duration.between(computedAt.get(0), computedAt.get(20)).toMillis() >= 800,
        "rate-limited: " + computedAt);
  }

  @Test
  void shouldResumeJobFromItsStoredState() throws Exception {
    String metricId = Fixtures.metricId("resume");
    Instant now = Instant.now();
    Fixtures.insertMetric(metricId, SQL, now, null);
    Instant end = WindowClock.lastClosed(now, MINUTE).start();
    Instant start = end.minus(MINUTE.multipliedBy(10));
    Instant next = end.minus(MINUTE.multipliedBy(4));
    UUID id = UUID.randomUUID();
    // A process that ran the first six windows died: its row is all a restarted service has.
    Fixtures.execute(JOB, id, metricId, start, end, start, end, next, 10, 6, 6);

    Map<String, Object> job = awaitState(id.toString(), "done");

    assertEquals(10, job.get("done"));
    assertEquals(10, job.get("computed"));
    Map<Instant, List<JsonNode>> published = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
        .until(() -> windows(metricId, start, end), found -> found.size() >= 4);
    assertEquals(List.of(next, next.plus(MINUTE), next.plus(MINUTE.multipliedBy(2)),
        next.plus(MINUTE.multipliedBy(3))), new ArrayList<>(published.keySet()), "it went on at next_start");
  }

  @Test
  void shouldFailJobWhoseMetricIsNoLongerInForce() throws Exception {
    Instant end = WindowClock.floor(Instant.now(), MINUTE);
    UUID id = UUID.randomUUID();
    Fixtures.execute(JOB, id, Fixtures.metricId("gone"), end.minus(MINUTE), end, end.minus(MINUTE), end,
        end.minus(MINUTE), 1, 0, 0);

    Map<String, Object> job = awaitState(id.toString(), "failed");

    assertTrue(String.valueOf(job.get("error")).contains("no longer in force"), job.toString());
    assertEquals(null, job.get("etaSeconds"));
  }

  private static Map<String, Object> awaitState(String id, String state) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> given().get("/api/backfill/{id}", id).then().statusCode(200).extract().jsonPath().getMap("$"),
        job -> state.equals(job.get("state")));
  }

  /** The metric's observations on the topic with windowStart in [from, to), by window. */
  private static Map<Instant, List<JsonNode>> windows(String metricId, Instant from, Instant to) {
    return topic.observations(metricId).stream()
        .filter(o -> {
          Instant start = Instant.parse(o.get("windowStart").asText());
          return !start.isBefore(from) && start.isBefore(to);
        })
        .collect(Collectors.groupingBy(o -> Instant.parse(o.get("windowStart").asText()), TreeMap::new,
            Collectors.toList()));
  }

  private static List<Instant> computedTimes(String metricId, Instant from, Instant to) throws Exception {
    List<Instant> times = new ArrayList<>();
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement query = connection.prepareStatement(
        "select computed_at from compute.window_run where metric_id = ? and window_start >= ? and window_start < ? "
            + "and computed_by <> 'earlier' order by computed_at")) {
      query.setString(1, metricId);
      query.setTimestamp(2, Timestamp.from(from));
      query.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          times.add(rows.getTimestamp(1).toInstant());
        }
      }
    }
    return times;
  }
}
