package io.heartbeat.compute.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.heartbeat.compute.model.Dimension;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.ObservationError;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.schedule.Window;
import io.vertx.sqlclient.data.Numeric;

/**
 * Turns a value_sql result into observations: the null-dimension row is the metric-level value (GROUP BY ROLLUP),
 * each dimension row one more observation; any shape it cannot read, or more dimension values than the cap, becomes a
 * single error observation. The live schedule and the history map every window through here.
 */
public final class ResultMapping {

  private ResultMapping() {
  }

  /** Without a cap from config: the definition's dimension_cap, else 500. */
  public static List<ObservationEvent> observations(String metricId, VersionedDefinition definition, Window window,
      Instant computedAt, QueryResult result) {
    return observations(metricId, definition, window, computedAt, result, capOf(definition, 500));
  }

  /** {@code dimensionCap}: most dimension values the window may return (see {@link #capOf}). */
  public static List<ObservationEvent> observations(String metricId, VersionedDefinition definition, Window window,
      Instant computedAt, QueryResult result, int dimensionCap) {
    try {
      return read(new Context(metricId, definition, window, computedAt), result, dimensionCap);
    } catch (UnreadableResult e) {
      return List.of(failure(metricId, definition, window, computedAt, new ObservationError(e.getMessage(), null)));
    }
  }

  public static ObservationEvent failure(String metricId, VersionedDefinition definition, Window window,
      Instant computedAt, ObservationError error) {
    Context context = new Context(metricId, definition, window, computedAt);
    return context.observation(Status.ERROR, null, null, error, null);
  }

  /** The definition's dimension_cap when set, else the configured one. */
  public static int capOf(VersionedDefinition definition, int configured) {
    return capOf(definition.definition(), configured);
  }

  public static int capOf(MetricDefinition definition, int configured) {
    Integer cap = definition.dimensionCap();
    return cap != null && cap > 0 ? cap : configured;
  }

  private static List<ObservationEvent> read(Context context, QueryResult result, int dimensionCap) {
    if (!result.hasValueColumn()) {
      throw new UnreadableResult("value_sql returned no column named value");
    }
    List<QueryResult.Row> rows = result.rows();
    if (!result.hasDimensionColumn()) {
      if (rows.size() > 1) {
        throw new UnreadableResult("value_sql returned " + (result.truncated() ? "at least " : "") + rows.size()
            + " rows without a dimension column; expected at most one");
      }
      return List.of(rows.isEmpty() ? context.measured(null, null, null)
          : context.measured(number(rows.get(0).value(), "value"), count(result, rows.get(0)), null));
    }
    List<QueryResult.Row> totals = rows.stream().filter(row -> row.dimension() == null).toList();
    if (totals.size() > 1) {
      throw new UnreadableResult("value_sql returned " + totals.size()
          + " rows with a null dimension; expected at most one (the total)");
    }
    long values = rows.size() - totals.size();
    if (values > dimensionCap) {
      // One error for the total rather than a flood of series nobody asked for (a customer id in a region column).
      // Truncated: the database stopped sending at the row limit, and how many more there were is not worth reading.
      throw new UnreadableResult("value_sql returned " + (result.truncated() ? "more than " + dimensionCap : values)
          + " dimension values; the cap is " + dimensionCap + " (header dimension_cap)");
    }
    List<ObservationEvent> observations = new ArrayList<>();
    observations.add(totals.isEmpty() ? context.measured(null, null, null)
        : context.measured(number(totals.get(0).value(), "value"), count(result, totals.get(0)), null));
    String kind = context.definition().definition().dimension();
    Set<String> seen = new HashSet<>();
    for (QueryResult.Row row : rows) {
      if (row.dimension() == null) {
        continue;
      }
      if (kind == null) {
        throw new UnreadableResult("value_sql returned a dimension column but the definition declares no dimension");
      }
      Dimension dimension = new Dimension(kind, row.dimension().toString());
      if (!seen.add(dimension.value())) {
        throw new UnreadableResult("value_sql returned more than one row for dimension " + dimension.key());
      }
      observations.add(context.measured(number(row.value(), "value"), count(result, row), dimension));
    }
    return observations;
  }

  private static BigDecimal count(QueryResult result, QueryResult.Row row) {
    return result.hasCountColumn() ? number(row.count(), "count") : null;
  }

  private static BigDecimal number(Object value, String column) {
    if (value == null) {
      return null;
    }
    if (value instanceof Numeric numeric) {
      if (numeric.isNaN()) {
        throw new UnreadableResult("value_sql returned NaN as " + column);
      }
      return numeric.bigDecimalValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        throw new UnreadableResult("value_sql returned NaN as " + column);
      }
      if (Double.isInfinite(d)) {
        throw new UnreadableResult("value_sql returned " + (d > 0 ? "Infinity" : "-Infinity") + " as " + column);
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    throw new UnreadableResult("value_sql returned a non-numeric " + column + " ("
        + value.getClass().getSimpleName() + "); the " + column + " column must be numeric");
  }

  private record Context(String metricId, VersionedDefinition definition, Window window, Instant computedAt) {

    ObservationEvent measured(BigDecimal value, BigDecimal count, Dimension dimension) {
      return observation(value == null ? Status.EMPTY : Status.OK, value, dimension, null, count);
    }

    ObservationEvent observation(Status status, BigDecimal value, Dimension dimension, ObservationError error,
        BigDecimal count) {
      String version = definition.version();
      return new ObservationEvent(ObservationEvent.SCHEMA_VERSION,
          ObservationEvent.idOf(metricId, version, window.start(), dimension), metricId, version,
          definition.definition().period(), window.start(), window.end(), computedAt, status, value, dimension, error,
          count, null);
    }
  }

  /** A result whose shape value_sql's contract does not allow; its message goes into the observation. */
  private static final class UnreadableResult extends RuntimeException {
    UnreadableResult(String message) {
      super(message, null, false, false);
    }
  }
}
