package io.heartbeat.compute.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.heartbeat.compute.model.Dimension;
import io.heartbeat.compute.model.ObservationError;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.schedule.Window;
import io.vertx.sqlclient.data.Numeric;

/**
 * Turns a value_sql result into observations: the null-dimension row is the metric-level value (GROUP BY ROLLUP),
 * each dimension row one more observation; any shape it cannot read becomes a single error observation.
 */
public final class ResultMapping {

  private ResultMapping() {
  }

  public static List<ObservationEvent> observations(String metricId, VersionedDefinition definition, Window window,
      Instant computedAt, QueryResult result) {
    try {
      return read(new Context(metricId, definition, window, computedAt), result);
    } catch (UnreadableResult e) {
      return List.of(failure(metricId, definition, window, computedAt, new ObservationError(e.getMessage(), null)));
    }
  }

  public static ObservationEvent failure(String metricId, VersionedDefinition definition, Window window,
      Instant computedAt, ObservationError error) {
    Context context = new Context(metricId, definition, window, computedAt);
    return context.observation(Status.ERROR, null, null, error);
  }

  private static List<ObservationEvent> read(Context context, QueryResult result) {
    if (!result.hasValueColumn()) {
      throw new UnreadableResult("value_sql returned no column named value");
    }
    List<QueryResult.Row> rows = result.rows();
    if (!result.hasDimensionColumn()) {
      if (rows.size() > 1) {
        throw new UnreadableResult("value_sql returned " + rows.size()
            + " rows without a dimension column; expected at most one");
      }
      return List.of(context.measured(rows.isEmpty() ? null : number(rows.get(0).value()), null));
    }
    List<QueryResult.Row> totals = rows.stream().filter(row -> row.dimension() == null).toList();
    if (totals.size() > 1) {
      throw new UnreadableResult("value_sql returned " + totals.size()
          + " rows with a null dimension; expected at most one (the total)");
    }
    List<ObservationEvent> observations = new ArrayList<>();
    observations.add(context.measured(totals.isEmpty() ? null : number(totals.get(0).value()), null));
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
      observations.add(context.measured(number(row.value()), dimension));
    }
    return observations;
  }

  private static BigDecimal number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Numeric numeric) {
      if (numeric.isNaN()) {
        throw new UnreadableResult("value_sql returned NaN as value");
      }
      return numeric.bigDecimalValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        throw new UnreadableResult("value_sql returned NaN as value");
      }
      if (Double.isInfinite(d)) {
        throw new UnreadableResult("value_sql returned " + (d > 0 ? "Infinity" : "-Infinity") + " as value");
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
    throw new UnreadableResult("value_sql returned a non-numeric value (" + value.getClass().getSimpleName()
        + "); the value column must be numeric");
  }

  private record Context(String metricId, VersionedDefinition definition, Window window, Instant computedAt) {

    ObservationEvent measured(BigDecimal value, Dimension dimension) {
      return observation(value == null ? Status.EMPTY : Status.OK, value, dimension, null);
    }

    ObservationEvent observation(Status status, BigDecimal value, Dimension dimension, ObservationError error) {
      String version = definition.version();
      return new ObservationEvent(ObservationEvent.SCHEMA_VERSION,
          ObservationEvent.idOf(metricId, version, window.start(), dimension), metricId, version,
          definition.definition().period(), window.start(), window.end(), computedAt, status, value, dimension, error);
    }
  }

  /** A result whose shape value_sql's contract does not allow; its message goes into the observation. */
  private static final class UnreadableResult extends RuntimeException {
    UnreadableResult(String message) {
      super(message, null, false, false);
    }
  }
}
