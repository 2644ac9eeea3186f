package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.schedule.Window;
import io.vertx.sqlclient.data.Numeric;

/** Result shapes to observations, one row per case: "status value dimension" per observation, or the error. */
class ResultMappingTest {

  private static final Window WINDOW = new Window(Instant.parse("2026-03-01T10:00:00Z"),
      Instant.parse("2026-03-01T10:05:00Z"));

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("one value", false, rows(row(Numeric.create(12), null)), "region", List.of("ok 12 *")),
        Arguments.of("no row", false, rows(), "region", List.of("empty null *")),
        Arguments.of("null value", false, rows(row(null, null)), null, List.of("empty null *")),
        Arguments.of("long", false, rows(row(3L, null)), null, List.of("ok 3 *")),
        Arguments.of("double", false, rows(row(2.5d, null)), null, List.of("ok 2.5 *")),
        Arguments.of("rollup", true, rows(row(5, "eu"), row(2, "us"), row(7, null)), "region",
            List.of("ok 7 *", "ok 5 region=eu", "ok 2 region=us")),
        Arguments.of("no total row", true, rows(row(5, "eu")), "customer", List.of("empty null *", "ok 5 customer=eu")),
        Arguments.of("null dimension value", true, rows(row(null, "eu"), row(1, null)), "platform",
            List.of("ok 1 *", "empty null platform=eu")),
        Arguments.of("several rows", false, rows(row(1, null), row(2, null)), null,
            List.of("error: value_sql returned 2 rows without a dimension column; expected at most one")),
        Arguments.of("two totals", true, rows(row(1, null), row(2, null)), "region",
            List.of("error: value_sql returned 2 rows with a null dimension; expected at most one (the total)")),
        Arguments.of("duplicate dimension", true, rows(row(1, "eu"), row(2, "eu")), "region",
            List.of("error: value_sql returned more than one row for dimension region=eu")),
        Arguments.of("undeclared dimension", true, rows(row(1, "eu")), null,
            List.of("error: value_sql returned a dimension column but the definition declares no dimension")),
        Arguments.of("numeric NaN", false, rows(row(Numeric.NaN, null)), null,
            List.of("error: value_sql returned NaN as value")),
        Arguments.of("double NaN", false, rows(row(Double.NaN, null)), null,
            List.of("error: value_sql returned NaN as value")),
        Arguments.of("infinity", false, rows(row(Double.NEGATIVE_INFINITY, null)), null,
            List.of("error: value_sql returned -Infinity as value")),
        Arguments.of("text", false, rows(row("12", null)), null,
            List.of("error: value_sql returned a non-numeric value (String); the value column must be numeric")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void shouldMapResultShape(String name, boolean dimensionColumn, List<QueryResult.Row> rows, String kind,
      List<String> expected) {
    VersionedDefinition definition = new VersionedDefinition("v1",
        new MetricDefinition("5m", 300, "select 1", kind, null));

    List<ObservationEvent> observations = ResultMapping.observations("metric_a", definition, WINDOW,
        Instant.parse("2026-03-01T10:05:11Z"), new QueryResult(true, dimensionColumn, rows));

    assertEquals(expected, observations.stream().map(ResultMappingTest::describe).toList());
    observations.forEach(o -> assertEquals(ObservationEvent.idOf("metric_a", "v1", WINDOW.start(), o.dimension()),
        o.id()));
  }

  static Stream<Arguments> capsAndCounts() {
    return Stream.of(
        Arguments.of("within cap", 2, new QueryResult(true, true, rows(row(3, null), row(1, "eu"), row(2, "us"))),
            List.of("ok 3 * count=null", "ok 1 region=eu count=null", "ok 2 region=us count=null")),
        Arguments.of("over cap", 2, new QueryResult(true, true,
                rows(row(6, null), row(1, "eu"), row(2, "us"), row(3, "au"))),
            List.of("error: value_sql returned 3 dimension values; the cap is 2 (header dimension_cap)")),
        Arguments.of("read stopped at the row limit", 2, new QueryResult(true, true, false,
                rows(row(1, "eu"), row(2, "us"), row(3, "au"), row(4, "nz")), true),
            List.of("error: value_sql returned more than 2 dimension values; the cap is 2 (header dimension_cap)")),
        Arguments.of("row limit without a dimension column", 2, new QueryResult(true, false, false,
                rows(row(1, null), row(2, null), row(3, null), row(4, null)), true),
            List.of("error: value_sql returned at least 4 rows without a dimension column; expected at most one")),
        Arguments.of("count column", 500, new QueryResult(true, true, true,
                rows(new QueryResult.Row(0.25d, null, 40L), new QueryResult.Row(0.5d, "eu", Numeric.create(4)))),
            List.of("ok 0.25 * count=40", "ok 0.5 region=eu count=4")),
        Arguments.of("null count", 500, new QueryResult(true, false, true, rows(new QueryResult.Row(null, null, null))),
            List.of("empty null * count=null")),
        Arguments.of("NaN count", 500, new QueryResult(true, false, true,
                rows(new QueryResult.Row(1, null, Double.NaN))),
            List.of("error: value_sql returned NaN as count")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capsAndCounts")
  void shouldCapDimensionsAndCarryCount(String name, int cap, QueryResult result, List<String> expected) {
    VersionedDefinition definition = new VersionedDefinition("v1",
        new MetricDefinition("5m", 300, "select 1", "region", null));

    List<ObservationEvent> observations = ResultMapping.observations("metric_a", definition, WINDOW,
        Instant.parse("2026-03-01T10:05:11Z"), result, cap);

    assertEquals(expected, observations.stream().map(o -> o.error() != null ? describe(o)
        : describe(o) + " count=" + (o.count() == null ? "null" : o.count().stripTrailingZeros().toPlainString()))
        .toList());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"7, 500, 7", ", 500, 500", ", 20, 20"})
  void shouldTakeDefinitionCapBeforeConfigured(Integer definitionCap, int configured, int expected) {
    VersionedDefinition definition = new VersionedDefinition("v1",
        new MetricDefinition("5m", 300, "select 1", "region", null, null, definitionCap, null));
    assertEquals(expected, ResultMapping.capOf(definition, configured));
  }

  private static String describe(ObservationEvent o) {
    if (o.error() != null) {
      return "error: " + o.error().message();
    }
    BigDecimal value = o.value();
    return o.status().wire() + " " + (value == null ? "null" : value.stripTrailingZeros().toPlainString()) + " "
        + (o.dimension() == null ? "*" : o.dimension().key());
  }

  private static QueryResult.Row row(Object value, Object dimension) {
    return new QueryResult.Row(value, dimension);
  }

  private static List<QueryResult.Row> rows(QueryResult.Row... rows) {
    return new ArrayList<>(Arrays.asList(rows));
  }
}
