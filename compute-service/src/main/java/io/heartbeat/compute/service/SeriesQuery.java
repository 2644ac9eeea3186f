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
 * per chunk of history instead of one per window.
 */
@ApplicationScoped
public class SeriesQuery {

  private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

  private final Pool marts;
  private final ComputeConfig config;

  public SeriesQuery(@ReactiveDataSource("marts") Pool marts, ComputeConfig config) {
    this.marts = marts;
    this.config = config;
  }

  /** The statement for a definition: $1 first window start, $2 last window start. */
  static String statement(MetricDefinition definition) {
    // Aliases no value_sql uses, so its own "w" or "q" never shadows them. The period is the definition's integer.
    String step = "interval '" + definition.periodSeconds() + " seconds'";
    String body = NamedParameters.substitute(definition.valueSql(), "hb_w.hb_window_start",
        "hb_w.hb_window_start + " + step);
    // Newlines around the body: a trailing "-- comment" in value_sql must not swallow the closing parenthesis.
    return "select hb_w.hb_window_start, hb_q.* from generate_series($1::timestamptz, $2::timestamptz, " + step
        + ") as hb_w(hb_window_start) cross join lateral (\n" + body + "\n) as hb_q order by 1";
  }

  /** One result per window, in order, for the {@code windows} windows starting at {@code first}. */
  public Uni<List<QueryResult>> run(MetricDefinition definition, Instant first, int windows) {
    String sql;
    try {
      sql = statement(definition);
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
        .map(rows -> byWindow(rows, first, period, windows))
        .ifNoItem().after(timeout.plus(CLIENT_GRACE))
        .failWith(() -> new TimeoutException("history statement did not answer within " + timeout.toSeconds() + "s")));
  }

  private static List<QueryResult> byWindow(RowSet<Row> rows, Instant first, Duration period, int windows) {
    List<String> all = rows.columnsNames() == null ? List.of() : rows.columnsNames();
    // value_sql's own columns, without the window column put in front of them.
    List<String> columns = all.isEmpty() ? all : all.subList(1, all.size());
    Map<Instant, List<QueryResult.Row>> grouped = new HashMap<>();
    for (Row row : rows) {
      OffsetDateTime start = row.getOffsetDateTime(0);
      grouped.computeIfAbsent(start.toInstant(), s -> new ArrayList<>()).add(ValueQuery.row(row, columns));
    }
    boolean hasValue = columns.contains("value");
    boolean hasDimension = columns.contains("dimension");
    boolean hasCount = columns.contains("count");
    List<QueryResult> results = new ArrayList<>(windows);
    for (int i = 0; i < windows; i++) {
      results.add(new QueryResult(hasValue, hasDimension, hasCount,
          grouped.getOrDefault(first.plus(period.multipliedBy(i)), List.of())));
    }
    return results;
  }
}
