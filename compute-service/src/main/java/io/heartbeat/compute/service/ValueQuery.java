package io.heartbeat.compute.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.schedule.Window;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs one metric's value_sql on the marts pool (role heartbeat_marts_reader) inside a read-only transaction
 * with a statement_timeout, so a query can neither write nor hold a connection for long, wrapped so the database
 * sends at most the dimension cap's rows and no row over {@code compute.result.max-row-bytes} ({@link ResultBounds}).
 */
@ApplicationScoped
public class ValueQuery {

  // Only guards against a database that stops answering; statement_timeout is the real limit.
  private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

  private final Pool marts;
  private final ComputeConfig config;

  public ValueQuery(@ReactiveDataSource("marts") Pool marts, ComputeConfig config) {
    this.marts = marts;
    this.config = config;
  }

  public Uni<QueryResult> run(MetricDefinition definition, Window window) {
    return marts.withConnection(connection -> run(connection, definition, window));
  }

  /** On a given connection: the tests use it to show that nothing a query sets outlives its window. */
  Uni<QueryResult> run(SqlConnection connection, MetricDefinition definition, Window window) {
    NamedParameters.Positional sql;
    try {
      sql = NamedParameters.toPositional(definition.valueSql());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(e);
    }
    Duration timeout = timeoutOf(definition);
    int rowLimit = ResultBounds.rowLimit(ResultMapping.capOf(definition, config.dimensions().cap()));
    int maxRowBytes = config.result().maxRowBytes();
    String statement = ResultBounds.wrap(sql.sql(), rowLimit, maxRowBytes);
    Tuple bounds = Tuple.tuple();
    for (String name : sql.names()) {
      Instant bound = NamedParameters.WINDOW_START.equals(name) ? window.start() : window.end();
      bounds.addOffsetDateTime(bound.atOffset(ZoneOffset.UTC));
    }
    // One round trip for both. statement_timeout takes no bind parameter; the value is a number from config or the
    // definition's integer, never text from the SQL.
    return connection.query("BEGIN READ ONLY; SET LOCAL statement_timeout = " + timeout.toMillis()).execute()
        .chain(() -> connection.preparedQuery(statement).execute(bounds))
        // ROLLBACK, not COMMIT: a read-only transaction has nothing to keep, and rolling back also undoes any
        // session setting the query made with set_config(..., false), so it never reaches the next metric.
        .call(() -> connection.query("ROLLBACK").execute())
        // The pool hands the connection on as it is: never leave it inside an aborted transaction.
        .onFailure().call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull())
        .map(rows -> reduce(rows, rowLimit, maxRowBytes))
        .ifNoItem().after(timeout.plus(CLIENT_GRACE))
        .failWith(() -> new TimeoutException("value_sql did not answer within " + timeout.toSeconds() + "s"));
  }

  Duration timeoutOf(MetricDefinition definition) {
    Integer seconds = definition.statementTimeoutSeconds();
    return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : config.statementTimeout();
  }

  private static QueryResult reduce(RowSet<Row> rows, int rowLimit, int maxRowBytes) {
    List<String> columns = ResultBounds.ownColumns(rows.columnsNames() == null ? List.of() : rows.columnsNames(), 0);
    List<QueryResult.Row> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ResultBounds.checkRow(row, maxRowBytes);
      result.add(row(row, columns));
    }
    return new QueryResult(columns.contains("value"), columns.contains("dimension"), columns.contains("count"),
        result, result.size() >= rowLimit);
  }

  /** The columns value_sql's contract names, by name; the history's chunk statement reads its rows the same way. */
  static QueryResult.Row row(Row row, List<String> columns) {
    return new QueryResult.Row(columns.contains("value") ? row.getValue("value") : null,
        columns.contains("dimension") ? row.getValue("dimension") : null,
        columns.contains("count") ? row.getValue("count") : null);
  }
}
