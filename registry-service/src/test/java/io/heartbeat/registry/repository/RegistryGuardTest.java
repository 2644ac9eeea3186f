package io.heartbeat.registry.repository;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every known way past heartbeat.metric_registry's guard, tried against the real database with the roles the
 * services run as (db/roles.sh): each is refused by PostgreSQL itself with SQLSTATE 42501 (insufficient_privilege),
 * the registry keeps its value and no audit row appears. The front door (a declared write of the registry role)
 * leaves audit rows the trigger computed from the change.
 */
@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class RegistryGuardTest {

  private static final String METRIC = "checkout_attempts";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @BeforeEach
  void synced() {
    given().post("/api/registry/sync").then().statusCode(200);
  }

  static Stream<Arguments> bypasses() {
    String forge = "update heartbeat.metric_registry set norm_value = 1000 where metric_id = '" + METRIC + "'";
    return Stream.of(
        Arguments.of("the session setting the V1 guard trusted", "registry",
            List.of("set heartbeat.write_path = 'operator'", forge), "without registry-service's transaction context"),
        Arguments.of("the session setting, as the superuser", "admin",
            List.of("set heartbeat.write_path = 'operator'", "set heartbeat.actor = 'x'", "set heartbeat.reason = 'y'",
                forge), "written only by registry-service"),
        Arguments.of("another service's role", "compute", List.of(forge), "permission denied for schema heartbeat"),
        Arguments.of("another service's role, full context", "alert",
            List.of("set heartbeat.write_path = 'sync'", forge), "permission denied for schema heartbeat"),
        Arguments.of("session_replication_role = replica", "registry",
            List.of("set session_replication_role = replica", forge), "permission denied to set parameter"),
        Arguments.of("ALTER TABLE ... DISABLE TRIGGER <guard>", "registry",
            List.of("alter table heartbeat.metric_registry disable trigger metric_registry_write_check"),
            "must keep exactly its guard triggers"),
        Arguments.of("ALTER TABLE ... DISABLE TRIGGER USER", "registry",
            List.of("alter table heartbeat.metric_registry disable trigger user"), "must keep exactly its guard triggers"),
        Arguments.of("ALTER TABLE ... ENABLE (not ALWAYS) TRIGGER", "registry",
            List.of("alter table heartbeat.metric_registry enable trigger metric_registry_write_check"),
            "must keep exactly its guard triggers"),
        Arguments.of("DROP TRIGGER on the audit trigger", "registry",
            List.of("drop trigger metric_registry_audit on heartbeat.metric_registry"),
            "must keep exactly its guard triggers"),
        Arguments.of("an extra trigger that rewrites the row after the guard", "registry",
            List.of("create or replace function heartbeat.sneak() returns trigger language plpgsql as "
                + "$$ begin new.norm_value := 1000; return new; end $$",
                "create trigger zz_sneak before update on heartbeat.metric_registry for each row "
                    + "execute function heartbeat.sneak()"), "must keep exactly its guard triggers"),
        Arguments.of("a rule that swallows audit rows", "registry",
            List.of("create rule swallow as on insert to heartbeat.metric_audit do instead nothing"), "may carry no rule"),
        Arguments.of("renaming the audit table to put another in its place", "registry",
            List.of("alter table heartbeat.metric_audit rename to metric_audit_old"), "may not be renamed"),
        Arguments.of("dropping the audit table", "registry", List.of("drop table heartbeat.metric_audit"),
            "may not be dropped"),
        Arguments.of("dropping the schema", "registry", List.of("drop schema heartbeat cascade"), "may not be dropped"),
        Arguments.of("rewriting the guard function", "registry",
            List.of("create or replace function heartbeat_guard.registry_write_check() returns trigger "
                + "language plpgsql as $$ begin return new; end $$"), "permission denied for schema heartbeat_guard"),
        Arguments.of("direct INSERT into the audit table", "registry",
            List.of("insert into heartbeat.metric_audit (metric_id, actor, field, reason) "
                + "values ('" + METRIC + "', 'forger', 'norm_value', 'forged')"), "written only by the registry guard"),
        Arguments.of("direct INSERT into the audit table, as the superuser", "admin",
            List.of("insert into heartbeat.metric_audit (metric_id, actor, field, reason) "
                + "values ('" + METRIC + "', 'forger', 'norm_value', 'forged')"), "written only by the registry guard"),
        Arguments.of("UPDATE of an audit row", "registry", List.of("update heartbeat.metric_audit set reason = 'rewritten'"),
            "append-only"),
        Arguments.of("DELETE of audit rows", "registry", List.of("delete from heartbeat.metric_audit"), "append-only"),
        Arguments.of("TRUNCATE of the audit table", "registry", List.of("truncate heartbeat.metric_audit"), "append-only"),
        Arguments.of("TRUNCATE of the registry", "registry", List.of("truncate heartbeat.metric_registry"),
            "never truncated"),
        Arguments.of("DELETE of a metric, full context", "registry",
            List.of("begin", "select set_config('heartbeat.write_path', 'sync', true), "
                + "set_config('heartbeat.actor', 'x', true), set_config('heartbeat.reason', 'y', true)",
                "delete from heartbeat.metric_registry where metric_id = '" + METRIC + "'"), "never deleted"),
        Arguments.of("the sync path changing an operator field", "registry",
            List.of("begin", "select set_config('heartbeat.write_path', 'sync', true), "
                + "set_config('heartbeat.actor', 'x', true), set_config('heartbeat.reason', 'y', true)", forge),
            "never changes operator fields"),
        Arguments.of("a second connection of the registry role without the context", "registry", List.of(forge),
            "without registry-service's transaction context"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bypasses")
  void databaseRefusesEveryBypass(String name, String role, List<String> statements, String message)
      throws SQLException {
    String normBefore = norm();
    long auditBefore = auditRows();
    try (Connection c = connect(role); Statement st = c.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> {
        for (String sql : statements) {
          st.execute(sql);
        }
      }, name + " was let through");
      assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), name + ": " + refused.getMessage());
      assertTrue(refused.getMessage().contains(message), name + ": " + refused.getMessage());
    }
    assertEquals(normBefore, norm(), name + " changed the registry");
    assertEquals(auditBefore, auditRows(), name + " changed the audit table");
    assertEquals(List.of(), guardProblems(), name + " left the guard weakened");
  }

  @Test
  void declaredWriteIsAuditedByTheTriggerFromTheChangeItself() throws SQLException {
    long before = auditRows();
    try (Connection c = connect("registry"); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute("select set_config('heartbeat.write_path', 'operator', true), "
          + "set_config('heartbeat.actor', 'guard-test', true), set_config('heartbeat.reason', 'audit check', true)");
      // A metric no other test edits: the guard does not judge values, the service's rules do.
      st.execute("update heartbeat.metric_registry set owner = 'payments', target_value = 12.50, "
          + "target_due_date = '2027-06-30', row_version = row_version + 1 where metric_id = 'web_messenger_parts'");
      c.commit();
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = connect("registry"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select field, coalesce(new_value, '-'), actor, reason, write_path, db_role "
            + "from heartbeat.metric_audit where id > " + before + " order by field")) {
      while (rs.next()) {
        rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)));
      }
    }
    assertEquals(List.of("owner|payments|guard-test|audit check|operator|heartbeat_registry",
        "target_due_date|2027-06-30|guard-test|audit check|operator|heartbeat_registry",
        "target_value|12.5|guard-test|audit check|operator|heartbeat_registry"), rows);
  }

  @Test
  void syncedMetricsArriveWithTheirAuditRows() throws SQLException {
    try (Connection c = connect("registry"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from heartbeat.metric_audit where metric_id = '" + METRIC
            + "' and field = 'state' and old_value is null and new_value = 'valid' and write_path = 'sync'")) {
      rs.next();
      assertEquals(1, rs.getLong(1));
    }
  }

  @Test
  void servicesLogInAsTheirOwnUnprivilegedRole() throws SQLException {
    try (Connection c = connect("registry"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select current_user, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, "
            + "(select nspowner::regrole::text from pg_namespace where nspname = 'heartbeat'), "
            + "has_schema_privilege('compute', 'usage'), has_schema_privilege('alert', 'usage'), "
            + "has_schema_privilege('cockpit', 'usage'), has_database_privilege(current_database(), 'create') "
            + "from pg_roles where rolname = current_user")) {
      rs.next();
      assertEquals("heartbeat_registry", rs.getString(1));
      for (int column = 2; column <= 5; column++) {
        assertEquals(false, rs.getBoolean(column), "role attribute " + column);
      }
      assertEquals("heartbeat_registry", rs.getString(6), "owner of schema heartbeat");
      for (int column = 7; column <= 10; column++) {
        assertEquals(false, rs.getBoolean(column), "privilege " + column);
      }
    }
  }

  private static Connection connect(String who) throws SQLException {
    String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    return switch (who) {
      case "registry" -> DriverManager.getConnection(url,
          ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
          ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
      case "admin" -> DriverManager.getConnection(url, System.getenv().getOrDefault("HEARTBEAT_PG_ADMIN_USER", "postgres"),
          System.getenv().getOrDefault("HEARTBEAT_PG_ADMIN_PASSWORD", ""));
      default -> DriverManager.getConnection(url, "heartbeat_" + who,
          System.getenv().getOrDefault("HEARTBEAT_" + who.toUpperCase() + "_DB_PASSWORD", ""));
    };
  }

  private static String norm() throws SQLException {
    return single("select coalesce(norm_value::text, '-') from heartbeat.metric_registry where metric_id = '" + METRIC + "'");
  }

  private static long auditRows() throws SQLException {
    return Long.parseLong(single("select coalesce(max(id), 0) from heartbeat.metric_audit"));
  }

  private static List<String> guardProblems() throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection c = connect("admin"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select heartbeat_guard.guard_problem(s) from heartbeat_guard.sealed_table s")) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          problems.add(rs.getString(1));
        }
      }
    }
    return problems;
  }

  private static String single(String sql) throws SQLException {
    try (Connection c = connect("registry"); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
