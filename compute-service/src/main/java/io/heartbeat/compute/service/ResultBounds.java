package io.heartbeat.compute.service;

import java.util.List;

import io.vertx.mutiny.sqlclient.Row;

/**
 * Wraps value_sql so that PostgreSQL itself bounds what it sends: at most {@link #rowLimit} rows ({@code LIMIT}),
 * and a row larger than the byte limit comes back with every column null and only its size, so its value never
 * leaves the database. Reading the result back, a row over the limit is the window's error naming the limit.
 */
public final class ResultBounds {

  /** The column the wrap appends to value_sql's own: the row's size as PostgreSQL holds it. */
  public static final String ROW_BYTES = "hb_row_bytes";

  private ResultBounds() {
  }

  /**
   * Rows read of one window: the cap's dimension values, the total row, and one more, whose presence alone says the
   * cap was broken (more is never read, however many the query has).
   */
  public static int rowLimit(int dimensionCap) {
    return dimensionCap + 2;
  }

  /**
   * value_sql as the WITH query of the statement that bounds it. At the top level of the statement, so a write in
   * it is refused by the read-only transaction (25006), as it would be unwrapped; inside the history's lateral join
   * the same text is refused for not being at the top level (0A000), and that window is computed alone. The newlines
   * keep a trailing {@code -- comment} from swallowing the closing parenthesis.
   */
  public static String wrap(String valueSql, int rowLimit, int maxRowBytes) {
    return "with hb_r as (\n" + valueSql + "\n)\nselect hb_s.*, pg_column_size(hb_r) as " + ROW_BYTES
        + " from hb_r left join lateral (select hb_r.* where pg_column_size(hb_r) <= " + maxRowBytes
        + ") as hb_s on true limit " + rowLimit;
  }

  /** value_sql's own column names: {@code columns} without the {@code front} columns before them and the size. */
  static List<String> ownColumns(List<String> columns, int front) {
    return columns.size() < front + 1 ? List.of() : columns.subList(front, columns.size() - 1);
  }

  /** @throws ResultTooLarge when the row's size, in its last column, is over the limit */
  static void checkRow(Row row, int maxRowBytes) {
    Integer bytes = row.getInteger(row.size() - 1);
    if (bytes != null && bytes > maxRowBytes) {
      throw new ResultTooLarge("value_sql returned a row of " + bytes + " bytes; the limit is " + maxRowBytes
          + " bytes per row (compute.result.max-row-bytes)");
    }
  }
}
