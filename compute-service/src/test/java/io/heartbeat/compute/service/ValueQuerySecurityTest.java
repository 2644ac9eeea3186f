package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

/**
 * value_sql that tries to write, escape its role, its read-only transaction or its timeout, or read the services'
 * own data, run as the service runs it (pool marts, role heartbeat_marts_reader) against real PostgreSQL: the
 * database itself refuses each one, with the SQLSTATE that becomes the error observation.
 */
@QuarkusTest
class ValueQuerySecurityTest {

  private static final Duration TIMEOUT_BUDGET = Duration.ofSeconds(8);

  @Inject
  ValueQuery query;

  @Inject
  @ReactiveDataSource("marts")
  Pool marts;

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("INSERT", "insert into marts.compute_fixture (created_at, run) values (now(), 'x') returning 1 as value",
            "25006", "cannot execute INSERT in a read-only transaction"),
        Arguments.of("INSERT in a CTE", "with w as (insert into marts.compute_fixture (created_at, run) "
            + "values (now(), 'x') returning 1) select count(*) as value from w", "25006", "read-only transaction"),
        Arguments.of("UPDATE", "update marts.compute_fixture set run = run returning 1 as value",
            "25006", "cannot execute UPDATE in a read-only transaction"),
        Arguments.of("DELETE", "delete from marts.compute_fixture returning 1 as value",
            "25006", "cannot execute DELETE in a read-only transaction"),
        Arguments.of("CREATE TABLE", "create table marts.evil (value int)",
            "25006", "cannot execute CREATE TABLE in a read-only transaction"),
        Arguments.of("CREATE TABLE AS", "create temp table evil as select 1 as value",
            "25006", "cannot execute CREATE TABLE AS in a read-only transaction"),
        Arguments.of("row lock", "select 1 as value from marts.compute_fixture for update",
            "25006", "cannot execute SELECT FOR UPDATE in a read-only transaction"),
        Arguments.of("a second statement", "select 1 as value; delete from marts.compute_fixture",
            "42601", "cannot insert multiple commands into a prepared statement"),
        Arguments.of("set_config to leave read-only", "select set_config('transaction_read_only', 'off', true)::int "
            + "as value", "25001", "transaction read-write mode must be set before any query"),
        Arguments.of("set_config to become another role", "select length(set_config('role', 'postgres', true)) "
            + "as value", "42501", "permission denied to set role"),
        Arguments.of("set_config to lift the timeout", "select 1 as value from "
            + "(select set_config('statement_timeout', '0', true)) s, pg_sleep(60)",
            "57014", "canceling statement due to statement timeout"),
        Arguments.of("pg_sleep(60)", "select 1 as value from pg_sleep(60)",
            "57014", "canceling statement due to statement timeout"),
        Arguments.of("registry-service's schema", "select count(*) as value from heartbeat.metric_registry",
            "42501", "permission denied for schema heartbeat"),
        Arguments.of("compute-service's schema", "select count(*) as value from compute.window_run",
            "42501", "permission denied for schema compute"),
        Arguments.of("the services' database", "select count(*) as value from heartbeat_test.compute.window_run",
            "0A000", "cross-database references are not implemented"),
        Arguments.of("PostgreSQL's passwords", "select count(*) as value from pg_authid",
            "42501", "permission denied for table pg_authid"),
        Arguments.of("server files", "select length(pg_read_file('/etc/passwd')) as value",
            "42501", "permission denied for function pg_read_file"));
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
  void shouldHoldNoWritePrivilegeEvenOutsideReadOnly() {
    // The second line of defence: were the transaction not read-only, the role still could not write or create.
    QueryResult result = run("select (has_table_privilege('marts.compute_fixture', 'INSERT, UPDATE, DELETE, TRUNCATE') "
        + "or has_schema_privilege('marts', 'CREATE') or has_schema_privilege('public', 'CREATE') "
        + "or has_database_privilege(current_database(), 'CREATE'))::int as value");
    assertEquals(0, ((Number) result.rows().get(0).value()).intValue());
  }

  @Test
  void shouldNotLetSessionSettingOutliveItsWindow() {
    MetricDefinition setting = definition("select length(set_config('work_mem', '64kB', false)) as value");
    MetricDefinition reading = definition("select (current_setting('work_mem') = '64kB')::int as value");
    Window window = window();

    // Both on one connection, as the pool may hand it from one metric to the next.
    QueryResult after = marts.withConnection(connection -> query.run(connection, setting, window)
            .chain(() -> query.run(connection, reading, window)))
        .await().atMost(TIMEOUT_BUDGET);

    assertEquals(0, ((Number) after.rows().get(0).value()).intValue(),
        "the rollback ending every window undid the session setting");
  }

  private QueryResult run(String sql) {
    return query.run(definition(sql), window()).await().atMost(TIMEOUT_BUDGET);
  }

  private static MetricDefinition definition(String sql) {
    return new MetricDefinition("1m", 60, sql, null, 1);
  }

  private static Window window() {
    return WindowClock.lastClosed(Instant.now(), Duration.ofMinutes(1));
  }
}
