package io.heartbeat.compute.service;

import java.util.List;

/** What value_sql returned, reduced to the two columns that matter; values keep their driver types. */
public record QueryResult(boolean hasValueColumn, boolean hasDimensionColumn, List<Row> rows) {

  /** One result row; {@code dimension} is null when the column is absent or SQL NULL. */
  public record Row(Object value, Object dimension) {
  }
}
