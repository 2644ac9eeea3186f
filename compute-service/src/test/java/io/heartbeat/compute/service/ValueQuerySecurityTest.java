package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

/**
 * Hostile value_sql run exactly as compute runs every metric: {@link ValueQuery} on the marts pool, as
 * heartbeat_marts_reader, BEGIN READ ONLY, SET LOCAL statement_timeout, the statement that bounds the result,
 * ROLLBACK. Nothing here goes through the registry's parser (compute has none): each statement reaches PostgreSQL
 * and the database itself refuses it, with the SQLSTATE that becomes the error observation. The rights come from
 * db/marts/reader.sql (EXECUTE revoked by name, every overload), the read-only transaction and the reader's grants.
 */
@QuarkusTest
class ValueQuerySecurityTest {

  private static final Duration TIMEOUT_BUDGET = Duration.ofSeconds(8);
  private static final String NO_FUNCTION = "42501";
  private static final String READ_ONLY = "25006";
  private static final String NOT_SUPPORTED = "0A000";
  private static final String SYNTAX = "42601";
  private static final String TIMEOUT = "57014";
  private static final String OUT_OF_MEMORY = "54000";
  private static final String UNDEFINED_FUNCTION = "42883";

  @Inject
  ValueQuery query;

  @Inject
  @ReactiveDataSource("marts")
  Pool marts;

  static Stream<Arguments> refused() {
    return Stream.of(
        // Advisory locks: a session lock outlives the ROLLBACK and stays on the pooled connection.
        refused("pg_advisory_lock(1)", "select 1 as value, pg_advisory_lock(1)",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("pg_try_advisory_xact_lock(1)", "select pg_try_advisory_xact_lock(1)::int as value",
            NO_FUNCTION, "permission denied for function pg_try_advisory_xact_lock"),
        refused("pg_try_advisory_lock_shared(1)", "select pg_try_advisory_lock_shared(1)::int as value",
            NO_FUNCTION, "permission denied for function pg_try_advisory_lock_shared"),
        refused("pg_advisory_xact_lock_shared(1, 2), the two-key overload",
            "select 1 as value from pg_advisory_xact_lock_shared(1, 2)",
            NO_FUNCTION, "permission denied for function pg_advisory_xact_lock_shared"),
        refused("schema-qualified pg_catalog.pg_advisory_lock", "select 1 as value, pg_catalog.pg_advisory_lock(1)",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("quoted \"pg_advisory_lock\"", "select 1 as value, \"pg_advisory_lock\"(1)",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("quoted schema and name", "select \"pg_catalog\".\"pg_try_advisory_lock\"(1)::int as value",
            NO_FUNCTION, "permission denied for function pg_try_advisory_lock"),
        refused("mixed case PG_Advisory_Lock", "select 1 as value, PG_Advisory_Lock(1)",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("hidden in a LATERAL subquery", "select count(*) as value from (values (1), (2)) v(x) "
            + "cross join lateral (select pg_try_advisory_lock(v.x) as locked) l",
            NO_FUNCTION, "permission denied for function pg_try_advisory_lock"),
        refused("hidden in a CTE", "with l as (select pg_advisory_lock(1) as locked) select count(*) as value from l",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("hidden in a cast", "select length((pg_advisory_lock(1))::text) as value",
            NO_FUNCTION, "permission denied for function pg_advisory_lock"),
        refused("hidden in a WHERE clause", "select count(*) as value from generate_series(1, 3) g "
            + "where pg_try_advisory_lock(g)", NO_FUNCTION, "permission denied for function pg_try_advisory_lock"),
        refused("pg_advisory_unlock_all()", "select 1 as value from pg_advisory_unlock_all()",
            NO_FUNCTION, "permission denied for function pg_advisory_unlock_all"),
        refused("a lock smuggled in SQL text (query_to_xml)",
            "select length(query_to_xml('select pg_advisory_lock(1)', true, true, '')::text) as value",
            NO_FUNCTION, "permission denied for function query_to_xml"),
        refused("SQL text run by ts_stat", "select count(*) as value from ts_stat('select to_tsvector(''x'')')",
            NO_FUNCTION, "permission denied for function ts_stat"),
        // Signals and server administration: the pool's other connections are the same role.
        refused("pg_terminate_backend", "select pg_terminate_backend(pid)::int as value from pg_stat_activity "
            + "where usename = current_user and pid <> pg_backend_pid()",
            NO_FUNCTION, "permission denied for function pg_terminate_backend"),
        refused("pg_cancel_backend", "select pg_cancel_backend(pid)::int as value from pg_stat_activity "
            + "where usename = current_user and pid <> pg_backend_pid()",
            NO_FUNCTION, "permission denied for function pg_cancel_backend"),
        refused("pg_reload_conf()", "select pg_reload_conf()::int as value",
            NO_FUNCTION, "permission denied for function pg_reload_conf"),
        refused("pg_rotate_logfile()", "select pg_rotate_logfile()::int as value",
            NO_FUNCTION, "permission denied for function pg_rotate_logfile"),
        refused("pg_stat_reset()", "select 1 as value from pg_stat_reset()",
            NO_FUNCTION, "permission denied for function pg_stat_reset"),
        // Settings: compute's SET LOCAL is the only one.
        refused("set_config to leave read-only", "select length(set_config('transaction_read_only', 'off', true)) "
            + "as value", NO_FUNCTION, "permission denied for function set_config"),
        refused("set_config to become another role", "select length(set_config('role', 'postgres', true)) as value",
            NO_FUNCTION, "permission denied for function set_config"),
        refused("set_config to lift the timeout", "select count(*) as value from "
            + "(select set_config('statement_timeout', '0', true)) s, (select generate_series(1, 1e12::bigint)) spin",
            NO_FUNCTION, "permission denied for function set_config"),
        refused("UPDATE pg_settings (set_config by another name)", "update pg_settings set setting = '0' "
            + "where name = 'statement_timeout' returning 1 as value",
            NOT_SUPPORTED, "cannot perform UPDATE RETURNING on relation \"pg_settings\""),
        refused("pg_notify", "select 1 as value, pg_notify('heartbeat', 'hello')",
            NO_FUNCTION, "permission denied for function pg_notify"),
        // Large objects: lo_creat and lo_from_bytea write even in a read-only transaction.
        refused("lo_import of a server file", "select lo_import('/etc/passwd')::bigint as value",
            NO_FUNCTION, "permission denied for function lo_import"),
        refused("lo_creat", "select lo_creat(-1)::bigint as value", NO_FUNCTION, "permission denied for function lo_creat"),
        refused("lo_from_bytea", "select lo_from_bytea(0, 'x')::bigint as value",
            NO_FUNCTION, "permission denied for function lo_from_bytea"),
        // Time and memory.
        refused("pg_sleep beyond the timeout", "select 1 as value from pg_sleep(60)",
            NO_FUNCTION, "permission denied for function pg_sleep"),
        refused("pg_sleep_for", "select 1 as value from pg_sleep_for('1 minute')",
            NO_FUNCTION, "permission denied for function pg_sleep_for"),
        refused("counting beyond the timeout", "select count(*) as value from (select generate_series(1, 1e12::bigint)) spin",
            TIMEOUT, "canceling statement due to statement timeout"),
        refused("length(repeat('x', 500000000))", "select length(repeat('x', 500000000)) as value",
            NO_FUNCTION, "permission denied for function repeat"),
        refused("lpad to half a gigabyte", "select length(lpad('x', 500000000)) as value",
            NO_FUNCTION, "permission denied for function lpad"),
        refused("array_fill of 200 million", "select array_length(array_fill(0, array[200000000]), 1) as value",
            NO_FUNCTION, "permission denied for function array_fill"),
        refused("a 2 GB value by format's width", "select length(format('%2000000000s', 'x')) as value",
            OUT_OF_MEMORY, "out of memory"),
        // Writes: the transaction is read-only; inside the statement bounding the result, value_sql's own WITH is not
        // at the top level, and DDL or COPY is not a query at all.
        refused("INSERT", "insert into marts.compute_fixture (created_at, run) values (now(), 'x') returning 1 as value",
            READ_ONLY, "in a read-only transaction"),
        refused("UPDATE", "update marts.compute_fixture set run = run returning 1 as value",
            READ_ONLY, "in a read-only transaction"),
        refused("DELETE", "delete from marts.compute_fixture returning 1 as value",
            READ_ONLY, "in a read-only transaction"),
        refused("INSERT hidden in a CTE", "with w as (insert into marts.compute_fixture (created_at, run) "
            + "values (now(), 'x') returning 1) select count(*) as value from w",
            NOT_SUPPORTED, "WITH clause containing a data-modifying statement must be at the top level"),
        refused("DELETE hidden in a CTE", "with w as (delete from marts.compute_fixture returning 1) "
            + "select count(*) as value from w",
            NOT_SUPPORTED, "WITH clause containing a data-modifying statement must be at the top level"),
        refused("CREATE TABLE", "create table marts.evil (value int)", SYNTAX, "syntax error at or near \"create\""),
        refused("CREATE TABLE AS", "create temp table evil as select 1 as value",
            SYNTAX, "syntax error at or near \"create\""),
        refused("SELECT INTO", "select 1 as value into marts.evil", SYNTAX, "SELECT ... INTO is not allowed here"),
        refused("COPY to the client", "copy marts.compute_fixture to stdout", SYNTAX, "syntax error at or near \"copy\""),
        refused("a DO block", "do $$ begin perform pg_advisory_lock(1); end $$", SYNTAX, "syntax error at or near \"do\""),
        refused("a second statement", "select 1 as value; delete from marts.compute_fixture",
            SYNTAX, "syntax error at or near \";\""),
        refused("SELECT FOR UPDATE", "select 1 as value from marts.compute_fixture for update",
            READ_ONLY, "cannot execute SELECT FOR UPDATE in a read-only transaction"),
        refused("SELECT FOR SHARE", "select 1 as value from marts.compute_fixture for share",
            READ_ONLY, "cannot execute SELECT FOR SHARE in a read-only transaction"),
        refused("nextval", "select nextval('marts.compute_fixture_seq') as value",
            NO_FUNCTION, "permission denied for sequence compute_fixture_seq"),
        refused("txid_current (assigns a transaction id)", "select txid_current() as value",
            NO_FUNCTION, "permission denied for function txid_current"),
        refused("pg_current_xact_id", "select pg_current_xact_id()::text::bigint as value",
            NO_FUNCTION, "permission denied for function pg_current_xact_id"),
        refused("pg_logical_emit_message (writes WAL)", "select 1 as value, pg_logical_emit_message(true, 'p', 'm')",
            NO_FUNCTION, "permission denied for function pg_logical_emit_message"),
        // Files, other schemas, other databases.
        refused("server files", "select length(pg_read_file('/etc/passwd')) as value",
            NO_FUNCTION, "permission denied for function pg_read_file"),
        refused("server directories", "select count(*) as value from pg_ls_dir('.')",
            NO_FUNCTION, "permission denied for function pg_ls_dir"),
        refused("registry-service's schema", "select count(*) as value from heartbeat.metric_registry",
            NO_FUNCTION, "permission denied for schema heartbeat"),
        refused("compute-service's schema", "select count(*) as value from compute.window_run",
            NO_FUNCTION, "permission denied for schema compute"),
        refused("the services' database", "select count(*) as value from " + Fixtures.heartbeatDatabase()
            + ".compute.window_run", NOT_SUPPORTED, "cross-database references are not implemented"),
        refused("dblink to another database", "select count(*) as value from dblink('dbname="
            + Fixtures.heartbeatDatabase() + "', 'select 1') as t(x int)",
            UNDEFINED_FUNCTION, "function dblink(unknown, unknown) does not exist"),
        refused("PostgreSQL's passwords", "select count(*) as value from pg_authid",
            NO_FUNCTION, "permission denied for table pg_authid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void shouldBeRefusedByDatabase(String attempt, String sql, String sqlState, String message) {
    Instant started = Instant.now();

    Throwable failure = assertThrows(Throwable.class, () -> run(sql));

    PgException refusal = assertInstanceOf(PgException.class, failure, attempt + ": " + failure);
    assertEquals(sqlState, refusal.getSqlState(), attempt + ": " + refusal.getErrorMessage());
    assertTrue(refusal.getErrorMessage().contains(message), attempt + ": " + refusal.getErrorMessage());
    assertTrue(Duration.between(started, Instant.now()).compareTo(TIMEOUT_BUDGET) < 0,
        attempt + " ends at the definition's 1 s statement timeout");
  }

  @Test
  void shouldRunAsReaderInMartsDatabaseOnly() throws Exception {
    QueryResult result = run("select (current_user = 'heartbeat_marts_reader' and current_database() = '"
        + Fixtures.martsDatabase() + "' and current_setting('transaction_read_only') = 'on')::int as value");
    assertEquals(1, ((Number) result.rows().get(0).value()).intValue(), "value_sql runs as the reader in the marts");

    // The services' database (compute's own schema) does not even let the reader in.
    SQLException refused = assertThrows(SQLException.class,
        () -> Fixtures.connectAs(Fixtures.heartbeatDatabase(), "heartbeat_marts_reader").close());
    assertEquals("42501", refused.getSQLState(), refused.getMessage());
    assertTrue(refused.getMessage().contains("permission denied for database"), refused.getMessage());
  }

  @Test
  void shouldHoldNoWritePrivilegeEvenOutsideReadOnly() {
    // The second line of defence: were the transaction not read-only, the role still could not write or create.
    QueryResult result = run("select (has_table_privilege('marts.compute_fixture', 'INSERT, UPDATE, DELETE, TRUNCATE') "
        + "or has_schema_privilege('marts', 'CREATE') or has_schema_privilege('public', 'CREATE') "
        + "or has_database_privilege(current_database(), 'CREATE, TEMP') "
        + "or has_language_privilege('plpgsql', 'USAGE'))::int as value");
    assertEquals(0, ((Number) result.rows().get(0).value()).intValue());
  }

  @Test
  void shouldLeaveNoAdvisoryLockOnPooledConnection() throws Exception {
    // Why the reader may take none: as postgres, a session lock survives the ROLLBACK that ends each window.
    try (Connection admin = Fixtures.marts(); Statement statement = admin.createStatement()) {
      admin.setAutoCommit(false);
      statement.execute("select pg_advisory_lock(424242)");
      admin.rollback();
      assertEquals(1, count(statement, "select count(*) from pg_locks where locktype = 'advisory' "
          + "and pid = pg_backend_pid() and objid = 424242"), "a session lock outlives ROLLBACK");
      statement.execute("select pg_advisory_unlock_all()");
      admin.commit();
    }

    // Several spellings one after the other on one pooled connection, as metrics follow one another on it, then
    // what that session holds.
    Window window = window();
    List<String> locks = List.of("select 1 as value, pg_advisory_lock(7)", "select pg_try_advisory_lock(7)::int as value",
        "select pg_try_advisory_lock_shared(7)::int as value", "select 1 as value, PG_ADVISORY_LOCK(7, 8)");
    List<String> states = new ArrayList<>();
    QueryResult held = marts.withConnection(connection -> Multi.createFrom().iterable(locks)
            .onItem().transformToUniAndConcatenate(sql -> query.run(connection, definition(sql), window)
                .map(ignored -> "ran").onFailure(PgException.class)
                .recoverWithItem(failure -> ((PgException) failure).getSqlState()))
            .collect().asList().invoke(states::addAll)
            .chain(() -> query.run(connection, definition("select count(*) as value from pg_locks "
                + "where locktype = 'advisory' and pid = pg_backend_pid()"), window)))
        .await().atMost(TIMEOUT_BUDGET);

    assertEquals(List.of("42501", "42501", "42501", "42501"), states, "each lock refused: permission denied");
    assertEquals(0, ((Number) held.rows().get(0).value()).intValue(), "the pooled session holds no advisory lock");
    try (Connection admin = Fixtures.marts(); Statement statement = admin.createStatement()) {
      assertEquals(0, count(statement, "select count(*) from pg_locks l join pg_stat_activity a using (pid) "
          + "where l.locktype = 'advisory' and a.usename = 'heartbeat_marts_reader'"), "no reader session holds one");
    }
  }

  @Test
  void shouldNotLetSessionSettingOutliveItsWindow() {
    // set_config is not the reader's; a bare SET as value_sql is not a query either. What remains: nothing a
    // refused statement began stays on the connection, and a setting read later is the role's own.
    MetricDefinition setting = definition("select length(set_config('work_mem', '64kB', false)) as value");
    MetricDefinition reading = definition("select (current_setting('work_mem') = '64kB')::int as value");
    Window window = window();

    // Both on one connection, as the pool may hand it from one metric to the next.
    QueryResult after = marts.withConnection(connection -> query.run(connection, setting, window)
            .onFailure(PgException.class).recoverWithNull()
            .chain(() -> query.run(connection, reading, window)))
        .await().atMost(TIMEOUT_BUDGET);

    assertEquals(0, ((Number) after.rows().get(0).value()).intValue(), "the session kept no setting");
  }

  private QueryResult run(String sql) {
    return query.run(definition(sql), window()).await().atMost(TIMEOUT_BUDGET);
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Arguments refused(String attempt, String sql, String sqlState, String message) {
    return Arguments.of(attempt, sql, sqlState, message);
  }

  private static MetricDefinition definition(String sql) {
    return new MetricDefinition("1m", 60, sql, null, 1);
  }

  private static Window window() {
    return WindowClock.lastClosed(Instant.now(), Duration.ofMinutes(1));
  }
}
