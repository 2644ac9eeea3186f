package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The result bounds PostgreSQL applies to value_sql (rows by the dimension cap, bytes per row and per history chunk),
 * on the marts pool as the reader: what the database sends for the wrapped statement, and what the live and history
 * queries make of it.
 */
@QuarkusTest
class ResultBoundsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int ROW_BYTES = 8192;
  // A million dimension values, one row each.
  private static final String MILLION = "select 'd' || g as dimension, 1 as value from generate_series(1, 1000000) g";

  @Inject
  @ReactiveDataSource("marts")
  Pool marts;

  @Inject
  ValueQuery query;

  @Inject
  SeriesQuery series;

  @Test
  void shouldSendOversizedRowAsItsSizeAlone() {
    RowSet<Row> rows = raw(ResultBounds.wrap("select 1 as value, format('%20000s', 'x') as payload "
        + "union all select 2, 'small'", 10, ROW_BYTES), Tuple.tuple());

    assertEquals(List.of("value", "payload", ResultBounds.ROW_BYTES), rows.columnsNames());
    Row big = find(rows, null);
    assertNull(big.getValue("payload"), "the 20 kB value never left the database");
    assertTrue(big.getInteger(2) > 20000, "only its size did: " + big.getInteger(2));
    Row small = find(rows, 2);
    assertEquals("small", small.getString("payload"));
    assertTrue(small.getInteger(2) < 100);
  }

  @Test
  void shouldStopSendingAtRowLimit() {
    RowSet<Row> rows = raw(ResultBounds.wrap(MILLION, ResultBounds.rowLimit(500), ROW_BYTES), Tuple.tuple());

    assertEquals(502, rows.size(), "the cap's 500 values, the total's place and one more");
  }

  @Test
  void shouldMakeOversizedRowTheWindowsErrorNamingLimit() {
    ResultTooLarge failure = assertThrows(ResultTooLarge.class, () -> query.run(definition(
        "select 1 as value, format('%20000s', 'x') as payload", null), window()).await().atMost(WAIT));

    assertTrue(failure.getMessage().matches("value_sql returned a row of 200\\d\\d bytes; the limit is 8192 bytes "
        + "per row \\(compute.result.max-row-bytes\\)"), failure.getMessage());
    assertEquals(failure.getMessage(), WindowComputation.errorOf(failure).message());
    assertTrue(!WindowComputation.isTransient(failure), "the metric's own error, published as such");
  }

  @Test
  void shouldReadNoMoreThanCapAllowsAndSaySoInTheError() {
    Window window = window();
    MetricDefinition definition = definition(MILLION, 500);

    QueryResult result = query.run(definition, window).await().atMost(WAIT);

    assertEquals(502, result.rows().size());
    assertTrue(result.truncated());
    List<ObservationEvent> observations = ResultMapping.observations("metric_a",
        new VersionedDefinition("v1", definition), window, Instant.now(), result, 500);
    assertEquals(1, observations.size());
    assertEquals(Status.ERROR, observations.get(0).status());
    assertEquals("value_sql returned more than 500 dimension values; the cap is 500 (header dimension_cap)",
        observations.get(0).error().message());
  }

  @Test
  void shouldBoundEachHistoryWindowByTheCap() {
    Instant first = WindowClock.floor(Instant.now(), MINUTE).minus(Duration.ofMinutes(10));
    MetricDefinition definition = definition(MILLION, 3);

    List<QueryResult> windows = series.run(definition, first, 3, 3).await().atMost(WAIT);

    assertEquals(3, windows.size());
    windows.forEach(window -> {
      assertEquals(5, window.rows().size(), "cap 3, the total and one more");
      assertTrue(window.truncated());
    });
  }

  @Test
  void shouldSendOversizedHistoryChunkAsItsSizeAlone() {
    Instant first = WindowClock.floor(Instant.now(), MINUTE).minus(Duration.ofMinutes(10));
    MetricDefinition definition = definition("select extract(epoch from :window_start)::bigint as value", null);
    int rowLimit = ResultBounds.rowLimit(500);
    Tuple bounds = Tuple.of(first.atOffset(ZoneOffset.UTC), first.plus(MINUTE.multipliedBy(2)).atOffset(ZoneOffset.UTC));

    RowSet<Row> within = raw(SeriesQuery.statement(definition, rowLimit, ROW_BYTES, 10_000), bounds);
    RowSet<Row> over = raw(SeriesQuery.statement(definition, rowLimit, ROW_BYTES, 50), bounds);

    List<QueryResult> windows = SeriesQuery.byWindow(within, first, MINUTE, 3, rowLimit, ROW_BYTES, 10_000);
    assertEquals(first.getEpochSecond() + 60, ((Number) windows.get(1).rows().get(0).value()).longValue());
    assertEquals(1, over.size(), "one row: the size");
    assertNull(over.iterator().next().getValue(1), "and no window");
    ResultTooLarge failure = assertThrows(ResultTooLarge.class,
        () -> SeriesQuery.byWindow(over, first, MINUTE, 3, rowLimit, ROW_BYTES, 50));
    assertTrue(failure.getMessage().matches("history chunk of 3 windows returned \\d+ bytes; the limit is 50 bytes "
        + "\\(compute.result.max-chunk-bytes\\)"), failure.getMessage());
  }

  @Test
  void shouldReadChunkWithoutAnyRowAsEmptyWindows() {
    Instant first = WindowClock.floor(Instant.now(), MINUTE).minus(Duration.ofMinutes(10));

    List<QueryResult> windows = series.run(definition("select 1 as value where false", null), first, 2, 500)
        .await().atMost(WAIT);

    assertEquals(2, windows.size());
    windows.forEach(window -> assertEquals(List.of(), window.rows()));
    assertTrue(windows.get(0).hasValueColumn(), "value_sql's own columns, without the bounds' ones");
  }

  private RowSet<Row> raw(String sql, Tuple parameters) {
    return marts.withConnection(connection -> connection.query("BEGIN READ ONLY").execute()
            .chain(() -> connection.preparedQuery(sql).execute(parameters))
            .call(() -> connection.query("ROLLBACK").execute()))
        .await().atMost(WAIT);
  }

  private static Row find(RowSet<Row> rows, Integer value) {
    for (Row row : rows) {
      Integer v = row.getInteger("value");
      if (value == null ? v == null : value.equals(v)) {
        return row;
      }
    }
    throw new AssertionError("no row with value " + value);
  }

  private static MetricDefinition definition(String sql, Integer cap) {
    return new MetricDefinition("1m", 60, sql, cap == null ? null : "region", 10, null, cap, null);
  }

  private static Window window() {
    return WindowClock.lastClosed(Instant.now(), MINUTE);
  }
}
