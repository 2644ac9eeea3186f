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
 * Prepares what the tests need before the service boots: the marts fixture table readable by the marts role,
 * and, when HEARTBEAT_TOPIC_PREFIX is not set, a unique topic prefix so a run never reads live topics.
 */
@WithTestResource(value = ComputeTestResources.class, scope = TestResourceScope.GLOBAL)
public class ComputeTestResources implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    try (Connection connection = Fixtures.marts(); Statement statement = connection.createStatement()) {
      statement.execute("create schema if not exists marts");
      statement.execute("grant usage on schema marts to heartbeat_marts_reader");
      statement.execute("create table if not exists marts.compute_fixture "
          + "(created_at timestamptz not null, region text, run text not null)");
      statement.execute("grant select on marts.compute_fixture to heartbeat_marts_reader");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare heartbeat_marts_test", e);
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

  @Override
  public void stop() {
  }
}
