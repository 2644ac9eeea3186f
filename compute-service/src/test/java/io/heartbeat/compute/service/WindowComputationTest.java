package io.heartbeat.compute.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.EventSchemas;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.ObservationTopic;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.schedule.PlannedWindow;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** End to end through real Kafka and PostgreSQL: definition in, value_sql on the marts, observations out. */
@QuarkusTest
class WindowComputationTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String VERSION = "0123456789abcdef";
  private static ObservationTopic topic;

  @Inject
  WindowComputation computation;

  @BeforeAll
  static void openTopic() {
    topic = new ObservationTopic();
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void shouldPublishTotalAndOneObservationPerDimension() throws Exception {
    String metricId = Fixtures.metricId("regions");
    Instant current = WindowClock.floor(Instant.now(), MINUTE);
    // The same rows in every window around now, so whichever window is first computed has the same values.
    // A row exactly on a window's start belongs to that window only: bounds are [start, end).
    for (int w = -2; w <= 1; w++) {
      Instant start = current.plus(MINUTE.multipliedBy(w));
      Fixtures.insertRows(metricId, start, "eu", 1);
      Fixtures.insertRows(metricId, start.plusSeconds(5), "eu", 3);
      Fixtures.insertRows(metricId, start.plusSeconds(59), "us", 2);
    }
    String sql = """
        -- :window_end in a comment, ':window_start' in a literal and ::date casts stay as written
        select count(*)::numeric as value, region as dimension
        from marts.compute_fixture
        where run = '%s' and created_at >= :window_start and created_at < :window_end
          and created_at::date is not null and ':window_start' <> ''
        group by rollup (region)
        """.formatted(metricId);
    DefinitionEvents.defined(metricId, sql).dimension("region").publish();

    List<JsonNode> window = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(metricId), observations -> observations.size() == 3);

    Instant start = Instant.parse(window.get(0).get("windowStart").asText());
    assertEquals(WindowClock.floor(start, MINUTE), start, "windows align to UTC minutes");
    assertTrue(!start.isBefore(current.minus(MINUTE)), "a new metric starts at its most recent closed window");
    Map<String, JsonNode> byDimension = window.stream().collect(Collectors.toMap(
        o -> o.get("dimension").isNull() ? "*" : o.get("dimension").get("value").asText(), Function.identity()));
    assertEquals(Set.of("*", "eu", "us"), byDimension.keySet());
    assertObservation(byDimension.get("*"), metricId, start, null, 6);
    assertObservation(byDimension.get("eu"), metricId, start, "eu", 4);
    assertObservation(byDimension.get("us"), metricId, start, "us", 2);
    assertTrue(window.get(0).get("dimension").isNull(), "the total is published first");
  }

  private static void assertObservation(JsonNode observation, String metricId, Instant start, String region,
      int value) throws Exception {
    assertEquals(Set.of(), EventSchemas.observationErrors(observation), observation.toString());
    assertEquals(1, observation.get("schemaVersion").asInt());
    assertEquals(metricId, observation.get("metricId").asText());
    assertEquals(VERSION, observation.get("definitionVersion").asText());
    assertEquals("1m", observation.get("period").asText());
    assertEquals(start.plus(MINUTE), Instant.parse(observation.get("windowEnd").asText()));
    assertEquals("ok", observation.get("status").asText());
    assertEquals(value, observation.get("value").asInt());
    assertTrue(observation.get("error").isNull());
    if (region == null) {
      assertTrue(observation.get("dimension").isNull());
    } else {
      assertEquals("region", observation.get("dimension").get("kind").asText());
    }
    String dimensionKey = region == null ? "*" : "region=" + region;
    assertEquals(Fixtures.sha256(metricId + "|" + VERSION + "|" + start + "|" + dimensionKey),
        observation.get("id").asText(), "ids are deterministic");
  }

  static Stream<Arguments> unreadableQueries() {
    return Stream.of(
        Arguments.of("select 1/0 as value", "error", "22012", "division by zero"),
        Arguments.of("insert into marts.compute_fixture (created_at, run) values (now(), '%s') returning 1 as value",
            "error", "25006", "read-only transaction"),
        // Inside the statement that bounds the result, a write in value_sql's own WITH is not at the top level.
        Arguments.of("with written as (insert into marts.compute_fixture (created_at, run) values (now(), '%s') "
            + "returning 1) select count(*) as value from written", "error", "0A000",
            "WITH clause containing a data-modifying statement must be at the top level"),
        // pg_sleep is not the reader's (db/marts/reader.sql): a query that counts for ever is slow the honest way.
        Arguments.of("select count(*) as value from (select generate_series(1, 1e12::bigint)) spin", "error", "57014",
            "statement timeout"),
        Arguments.of("select null::numeric as value", "empty", null, null),
        Arguments.of("select 1 as value where false", "empty", null, null),
        Arguments.of("select 'NaN'::float8 as value", "error", null, "value_sql returned NaN as value"),
        Arguments.of("select 'Infinity'::float8 as value", "error", null, "value_sql returned Infinity as value"),
        Arguments.of("select '-Infinity'::numeric as value", "error", null,
            "value_sql returned Infinity or -Infinity as value"),
        Arguments.of("select x as value from (values (1), (2)) v(x)", "error", null,
            "value_sql returned 2 rows without a dimension column; expected at most one"),
        Arguments.of("select 'many' as value", "error", null, "value_sql returned a non-numeric value (String)"),
        Arguments.of("select 1 as amount", "error", null, "value_sql returned no column named value"),
        Arguments.of("select 1 as value where :window_begin is null", "error", null, "unknown named parameter"));
  }

  @ParameterizedTest
  @MethodSource("unreadableQueries")
  void shouldPublishOneObservationSayingWhyNoValue(String sql, String status, String sqlState, String message)
      throws Exception {
    String metricId = Fixtures.metricId("shape");
    Instant sent = Instant.now();
    DefinitionEvents.defined(metricId, sql.formatted(metricId)).timeoutSeconds(1).publish();

    List<JsonNode> window = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(metricId), observations -> !observations.isEmpty());

    JsonNode observation = window.get(0);
    assertEquals(Set.of(), EventSchemas.observationErrors(observation), observation.toString());
    assertEquals(status, observation.get("status").asText(), observation.toString());
    assertTrue(observation.get("value").isNull());
    assertTrue(observation.get("dimension").isNull());
    if (message == null) {
      assertTrue(observation.get("error").isNull());
    } else {
      assertTrue(observation.get("error").get("message").asText().contains(message), observation.toString());
      assertEquals(sqlState, observation.get("error").get("sqlState").textValue());
      assertTrue(!observation.get("error").get("message").asText().contains("\tat "), "no stack trace");
    }
    assertTrue(Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(20)) < 0,
        "a slow query is cut at its own statement timeout");
    assertEquals(0, fixtureRows(metricId), "value_sql never writes");
  }

  @Test
  void shouldNotHoldOtherMetricsBehindSlowOne() throws Exception {
    String slow = Fixtures.metricId("slow");
    String fast = Fixtures.metricId("fast");
    DefinitionEvents.defined(slow, "select count(*) as value from (select generate_series(1, 1e12::bigint)) spin")
        .timeoutSeconds(4).publish();
    DefinitionEvents.defined(fast, "select 2 as value").publish();

    await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> !firstWindow(fast).isEmpty());
    assertTrue(firstWindow(slow).isEmpty(), "the fast metric did not wait for the slow one");

    JsonNode cut = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(slow), found -> !found.isEmpty()).get(0);
    assertEquals("57014", cut.get("error").get("sqlState").asText(), "the slow one ends at its own timeout");
  }

  @Test
  void shouldNotPublishWindowTwice() throws Exception {
    String metricId = Fixtures.metricId("once");
    DefinitionEvents.defined(metricId, "select 42 as value").publish();
    List<JsonNode> window = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(metricId), observations -> !observations.isEmpty());
    assertEquals("ok", window.get(0).get("status").asText(), window.toString());
    assertEquals(42, window.get(0).get("value").asInt());

    // Several ticks (1s in tests) pass: each window's observation exists once on the topic.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
      List<String> ids = topic.observations(metricId).stream().map(o -> o.get("id").asText()).toList();
      return ids.size() == Set.copyOf(ids).size();
    });
    JsonNode first = window.get(0);
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement query = connection.prepareStatement(
        "select count(*) from compute.window_run where metric_id = ? and window_start = ?")) {
      query.setString(1, metricId);
      query.setTimestamp(2, Timestamp.from(Instant.parse(first.get("windowStart").asText())));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertEquals(1, rows.getInt(1));
      }
    }
  }

  @Test
  void shouldPublishWindowOnceWhenTwoComputationsRace() {
    String metricId = Fixtures.metricId("race");
    PlannedWindow planned = new PlannedWindow(WindowClock.lastClosed(Instant.now().minus(Duration.ofHours(1)), MINUTE),
        new VersionedDefinition(VERSION, new MetricDefinition("1m", 60, "select 3 + 0 * count(*) as value from "
            + "(select generate_series(1, 8000000)) spin", null,
            null)));

    // As two instances during a rebalance: both run the query, only the claim that wins publishes.
    List<Optional<WindowRun>> outcomes = Uni.join().all(computation.compute(metricId, planned),
        computation.compute(metricId, planned)).andFailFast().await().atMost(Duration.ofSeconds(20));

    assertEquals(1, outcomes.stream().filter(Optional::isPresent).count(), outcomes.toString());
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInSameThread()
        .until(() -> topic.observations(metricId).size() == 1);
  }

  @Test
  void shouldCatchUpMissedWindowsInOrder() throws Exception {
    String metricId = Fixtures.metricId("catchup");
    Instant current = WindowClock.floor(Instant.now(), MINUTE);
    for (int w = 1; w <= 6; w++) {
      Fixtures.insertRows(metricId, current.minus(MINUTE.multipliedBy(7 - w)).plusSeconds(30), "eu", w);
    }
    String sql = "select count(*) as value from marts.compute_fixture where run = '" + metricId
        + "' and created_at >= :window_start and created_at < :window_end";
    // The metric was in force for five minutes while the service was down: its row is there, no window run.
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement insert = connection.prepareStatement(
        "insert into compute.metric (metric_id, version, definition, state, published_at, active_since) "
            + "values (?, ?, ?::jsonb, 'valid', now(), ?)")) {
      insert.setString(1, metricId);
      insert.setString(2, VERSION);
      insert.setString(3, DefinitionEvents.defined(metricId, sql).definitionJson());
      insert.setTimestamp(4, Timestamp.from(current.minus(MINUTE.multipliedBy(5)).plusSeconds(30)));
      insert.executeUpdate();
    }

    List<JsonNode> observations = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> topic.observations(metricId), found -> found.size() >= 6);

    for (int w = 1; w <= 6; w++) {
      JsonNode observation = observations.get(w - 1);
      assertEquals(current.minus(MINUTE.multipliedBy(7 - w)), Instant.parse(observation.get("windowStart").asText()));
      assertEquals(w, observation.get("value").asInt(), "window " + w + " reads its own rows");
      assertEquals(Set.of(), EventSchemas.observationErrors(observation));
    }
  }

  @Test
  void shouldFillVanishedDimensionValueWithZero() throws Exception {
    String metricId = Fixtures.metricId("fill");
    Instant current = WindowClock.floor(Instant.now(), MINUTE);
    Instant both = current.minus(MINUTE.multipliedBy(5));
    Fixtures.insertRows(metricId, both.plusSeconds(10), "eu", 1);
    Fixtures.insertRows(metricId, both.plusSeconds(10), "us", 1);
    Fixtures.insertRows(metricId, both.plus(MINUTE).plusSeconds(10), "eu", 2);
    String sql = "select region as dimension, count(*)::numeric as value from marts.compute_fixture where run = '"
        + metricId + "' and created_at >= :window_start and created_at < :window_end group by rollup (region)";
    insertMetric(metricId, DefinitionEvents.defined(metricId, sql).dimension("region").definitionJson(),
        both.plus(MINUTE).plusSeconds(30));

    List<JsonNode> observations = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> topic.observations(metricId), found -> found.stream().anyMatch(o -> o.get("windowStart")
            .asText().equals(both.plus(MINUTE.multipliedBy(2)).toString())));

    JsonNode filled = observations.stream().filter(o -> o.get("windowStart").asText()
        .equals(both.plus(MINUTE).toString()) && !o.get("dimension").isNull()
        && "us".equals(o.get("dimension").get("value").asText())).findFirst().orElseThrow();
    assertEquals(Set.of(), EventSchemas.observationErrors(filled), filled.toString());
    assertEquals("ok", filled.get("status").asText());
    assertEquals(0, filled.get("value").asInt());
    assertTrue(filled.get("filled").asBoolean());
    assertTrue(filled.get("count").isNull(), "no count column, no min_count: no count");
    // A window of no rows at all (total 0) fills both.
    assertEquals(3, observations.stream().filter(o -> o.get("windowStart").asText()
        .equals(both.plus(MINUTE.multipliedBy(2)).toString())).count());
    assertEquals(2L, Fixtures.queryValue("select count(*) from compute.dimension_seen where metric_id = ?",
        metricId), "remembered across a restart");
    observations.forEach(o -> assertEquals(Set.of(), EventSchemas.observationErrors(o), o.toString()));
  }

  @Test
  void shouldPublishOneErrorWhenDimensionValuesExceedCap() throws Exception {
    String metricId = Fixtures.metricId("cap");
    Instant current = WindowClock.floor(Instant.now(), MINUTE);
    for (int w = -2; w <= 1; w++) {
      Instant start = current.plus(MINUTE.multipliedBy(w));
      for (String region : List.of("eu", "us", "au")) {
        Fixtures.insertRows(metricId, start.plusSeconds(5), region, 1);
      }
    }
    String sql = "select region as dimension, count(*)::numeric as value from marts.compute_fixture where run = '"
        + metricId + "' and created_at >= :window_start and created_at < :window_end group by rollup (region)";
    DefinitionEvents.defined(metricId, sql).dimension("region").dimensionCap(2).publish();

    List<JsonNode> window = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(metricId), observations -> !observations.isEmpty());

    assertEquals(1, window.size(), "one error for the total, no dimension observations: " + window);
    JsonNode observation = window.get(0);
    assertEquals(Set.of(), EventSchemas.observationErrors(observation));
    assertEquals("error", observation.get("status").asText());
    assertTrue(observation.get("dimension").isNull());
    // Cap 2: PostgreSQL sends at most 2 values + the total + 1 (ResultBounds), so how many more there were is unknown.
    assertEquals("value_sql returned more than 2 dimension values; the cap is 2 (header dimension_cap)",
        observation.get("error").get("message").asText());
  }

  @Test
  void shouldCarryValueSqlCountColumn() throws Exception {
    String metricId = Fixtures.metricId("count");
    DefinitionEvents.defined(metricId, "select 0.25 as value, 12 as count").minCount(10).publish();

    JsonNode observation = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
        .until(() -> firstWindow(metricId), observations -> !observations.isEmpty()).get(0);

    assertEquals(Set.of(), EventSchemas.observationErrors(observation), observation.toString());
    assertEquals(12, observation.get("count").asInt());
    assertEquals(0.25, observation.get("value").asDouble());
    assertTrue(!observation.has("filled") && !observation.has("type"), "optional fields stay absent");
  }

  private static void insertMetric(String metricId, String definition, Instant activeSince) throws Exception {
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement insert = connection.prepareStatement(
        "insert into compute.metric (metric_id, version, definition, state, published_at, active_since) "
            + "values (?, ?, ?::jsonb, 'valid', now(), ?)")) {
      insert.setString(1, metricId);
      insert.setString(2, VERSION);
      insert.setString(3, definition);
      insert.setTimestamp(4, Timestamp.from(activeSince));
      insert.executeUpdate();
    }
  }

  /** The observations of the earliest window seen for the metric. */
  private static List<JsonNode> firstWindow(String metricId) {
    TreeMap<String, List<JsonNode>> byStart = topic.observations(metricId).stream()
        .collect(Collectors.groupingBy(o -> o.get("windowStart").asText(), TreeMap::new, Collectors.toList()));
    return byStart.isEmpty() ? List.of() : byStart.firstEntry().getValue();
  }

  private static int fixtureRows(String metricId) throws Exception {
    try (Connection connection = Fixtures.marts(); PreparedStatement query = connection.prepareStatement(
        "select count(*) from marts.compute_fixture where run = ?")) {
      query.setString(1, metricId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
