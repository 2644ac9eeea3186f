package io.heartbeat.compute.service;

import java.util.List;

/**
 * What value_sql returned, reduced to the columns that matter; values keep their driver types. {@code truncated}: the
 * read stopped at its row limit ({@link ResultBounds#rowLimit}), so the query has at least that many rows.
 */
public record QueryResult(boolean hasValueColumn, boolean hasDimensionColumn, boolean hasCountColumn, List<Row> rows,
    boolean truncated) {

  public QueryResult(boolean hasValueColumn, boolean hasDimensionColumn, boolean hasCountColumn, List<Row> rows) {
    this(hasValueColumn, hasDimensionColumn, hasCountColumn, rows, false);
  }

  public QueryResult(boolean hasValueColumn, boolean hasDimensionColumn, List<Row> rows) {
    this(hasValueColumn, hasDimensionColumn, false, rows);
  }

  /** One result row; {@code dimension} and {@code count} are null when the column is absent or SQL NULL. */
  public record Row(Object value, Object dimension, Object count) {

    public Row(Object value, Object dimension) {
      this(value, dimension, null);
    }
  }
}
