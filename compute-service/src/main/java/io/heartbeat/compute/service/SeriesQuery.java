package io.heartbeat.compute.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricDefinition;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs value_sql once for many consecutive windows inside PostgreSQL (generate_series, cross join lateral), with the
 * same role, read-only transaction, statement_timeout and ROLLBACK as {@link ValueQuery}: one round trip and one plan
 * per chunk of history instead of one per window. Each window's result is bounded as the live one is
 * ({@link ResultBounds}), and the chunk as a whole by {@code compute.result.max-chunk-bytes}: over it, PostgreSQL
 * sends only the size, and the chunk is computed again window by window.
 */
@ApplicationScoped
public class SeriesQuery {

  private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);
  // Columns before value_sql's own: the chunk's size, then the window.
  private static final int FRONT = 2;

  private final Pool marts;
  private final ComputeConfig config;

  public SeriesQuery(@ReactiveDataSource("marts") Pool marts, ComputeConfig config) {
    this.marts = marts;
    this.config = config;
  }

  /**
   * The statement for a definition: $1 first window start, $2 last window start. The chunk is materialised once
   * (hb_c), summed, and sent only when its size is within the limit; otherwise one row carries the size alone.
   */
  static String statement(MetricDefinition definition, int rowLimit, int maxRowBytes, long maxChunkBytes) {
    // Aliases no value_sql uses, so its own "w" or "q" never shadows them. The period is the definition's integer.
    String step = "interval '" + definition.periodSeconds() + " seconds'";
    String body = NamedParameters.substitute(definition.valueSql(), "hb_w.hb_window_start",
        "hb_w.hb_window_start + " + step);
    return "with hb_c as (select hb_w.hb_window_start, hb_q.* from generate_series($1::timestamptz, $2::timestamptz, "
        + step + ") as hb_w(hb_window_start) cross join lateral (\n" + ResultBounds.wrap(body, rowLimit, maxRowBytes)
        + "\n) as hb_q)\nselect hb_t.hb_chunk_bytes, hb_k.* from (select coalesce(sum(hb_c." + ResultBounds.ROW_BYTES
        + "), 0) as hb_chunk_bytes from hb_c) as hb_t left join lateral (select hb_c.* from hb_c where "
        + "hb_t.hb_chunk_bytes <= " + maxChunkBytes + ") as hb_k on true order by hb_k.hb_window_start";
  }

  /**
   * One result per window, in order, for the {@code windows} windows starting at {@code first}, each of at most
   * {@code dimensionCap} dimension values.
   */
  public Uni<List<QueryResult>> run(MetricDefinition definition, Instant first, int windows, int dimensionCap) {
    int rowLimit = ResultBounds.rowLimit(dimensionCap);
    int maxRowBytes = config.result().maxRowBytes();
    long maxChunkBytes = config.result().maxChunkBytes();
    String sql;
    try {
      sql = statement(definition, rowLimit, maxRowBytes, maxChunkBytes);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(e);
    }
    Duration period = definition.length();
    Duration timeout = config.history().statementTimeout();
    Instant last = first.plus(period.multipliedBy(windows - 1L));
    return marts.withConnection(connection -> connection
        .query("BEGIN READ ONLY; SET LOCAL statement_timeout = " + timeout.toMillis()).execute()
        .chain(() -> connection.preparedQuery(sql).execute(Tuple.of(first.atOffset(ZoneOffset.UTC),
            last.atOffset(ZoneOffset.UTC))))
        .call(() -> connection.query("ROLLBACK").execute())
        .onFailure().call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull())
        .map(rows -> byWindow(rows, first, period, windows, rowLimit, maxRowBytes, maxChunkBytes))
        .ifNoItem().after(timeout.plus(CLIENT_GRACE))
        .failWith(() -> new TimeoutException("history statement did not answer within " + timeout.toSeconds() + "s")));
  }

  static List<QueryResult> byWindow(RowSet<Row> rows, Instant first, Duration period, int windows,
      int rowLimit, int maxRowBytes, long maxChunkBytes) {
    List<String> columns = ResultBounds.ownColumns(rows.columnsNames() == null ? List.of() : rows.columnsNames(),
        FRONT);
    Map<Instant, List<QueryResult.Row>> grouped = new HashMap<>();
    for (Row row : rows) {
      Long chunkBytes = row.getLong(0);
      if (chunkBytes != null && chunkBytes > maxChunkBytes) {
        throw new ResultTooLarge("history chunk of " + windows + " windows returned " + chunkBytes
            + " bytes; the limit is " + maxChunkBytes + " bytes (compute.result.max-chunk-bytes)");
      }
      OffsetDateTime start = row.getOffsetDateTime(1);
      if (start == null) {
        // The one row of a chunk without any: its size (0) and nothing else.
        continue;
      }
      ResultBounds.checkRow(row, maxRowBytes);
      grouped.computeIfAbsent(start.toInstant(), s -> new ArrayList<>()).add(ValueQuery.row(row, columns));
    }
    boolean hasValue = columns.contains("value");
    boolean hasDimension = columns.contains("dimension");
    boolean hasCount = columns.contains("count");
    List<QueryResult> results = new ArrayList<>(windows);
    for (int i = 0; i < windows; i++) {
      List<QueryResult.Row> window = grouped.getOrDefault(first.plus(period.multipliedBy(i)), List.of());
      results.add(new QueryResult(hasValue, hasDimension, hasCount, window, window.size() >= rowLimit));
    }
    return results;
  }
}
