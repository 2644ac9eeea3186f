package io.heartbeat.compute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Prepares what the tests need before the service boots: the marts fixture table readable by the marts role, two
 * service schemas in the marts database it must not read, and, when HEARTBEAT_TOPIC_PREFIX is not set, a unique
 * topic prefix so a run never reads live topics.
 */
@WithTestResource(value = ComputeTestResources.class, scope = TestResourceScope.GLOBAL)
public class ComputeTestResources implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    // Only in a test marts database (heartbeat_marts_test, or one per developer such as heartbeat_marts_test_h1): the
    // benchmark reads the dev marts and leaves them as they are.
    if (Fixtures.martsDatabase().matches(".*_test(_[a-z0-9]+)?")) {
      prepareMarts();
    }
    Map<String, String> config = new HashMap<>();
    String prefix = System.getenv("HEARTBEAT_TOPIC_PREFIX");
    if (prefix == null || prefix.isBlank()) {
      prefix = "compute-" + System.currentTimeMillis() + "-";
      config.put("mp.messaging.incoming.registry.topic", prefix + "heartbeat.registry");
      config.put("mp.messaging.outgoing.observations.topic", prefix + "heartbeat.observations");
    }
    return config;
  }

  private static void prepareMarts() {
    try (Connection connection = Fixtures.marts(); Statement statement = connection.createStatement()) {
      statement.execute("create schema if not exists marts");
      statement.execute("grant usage on schema marts to heartbeat_marts_reader");
      statement.execute("create table if not exists marts.compute_fixture "
          + "(created_at timestamptz not null, region text, run text not null)");
      statement.execute("grant select on marts.compute_fixture to heartbeat_marts_reader");
      // Readable as a table, never advanced by the reader: nextval needs USAGE, which it never gets.
      statement.execute("create sequence if not exists marts.compute_fixture_seq");
      statement.execute("grant select on marts.compute_fixture_seq to heartbeat_marts_reader");
      // A history reads a day of windows per test metric: find its rows without scanning every run's.
      statement.execute("create index if not exists compute_fixture_run on marts.compute_fixture (run, created_at)");
      // The services' own schemas, as they would look if they shared a database with the marts: owned by another
      // role and granted to nobody, so value_sql must be refused reading them.
      statement.execute("create schema if not exists heartbeat");
      statement.execute("create table if not exists heartbeat.metric_registry (metric_id text primary key)");
      statement.execute("create schema if not exists compute");
      statement.execute("create table if not exists compute.window_run (metric_id text, window_start timestamptz)");
      statement.execute("revoke all on schema heartbeat, compute from public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare " + Fixtures.martsDatabase(), e);
    }
  }

  @Override
  public void stop() {
  }
}
