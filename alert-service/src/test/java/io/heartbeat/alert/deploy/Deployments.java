package io.heartbeat.alert.deploy;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;

/** Deployment bodies and events as a CI/CD pipeline sends them, for services no earlier run used. */
public final class Deployments {

  public static final String CONTRACT = "deployment.v1.json";

  private Deployments() {
  }

  /** A service name unique to this run, valid as a deployment's service. */
  public static String service(String name) {
    return Fixtures.metricId(name).replace('_', '-');
  }

  /** A POST /api/deployments body (snake_case). */
  public static ObjectNode body(String service, String version, Instant started, Instant finished,
      String rollbackUrl) {
    ObjectNode body = Fixtures.JSON.createObjectNode()
        .put("service", service)
        .put("version", version)
        .put("environment", "production")
        .put("started_at", started.toString())
        .put("finished_at", finished.toString())
        .put("commit", "3f9c2a1b7d4e")
        .put("author", "ci-bot");
    if (rollbackUrl != null) {
      body.put("rollback_url", rollbackUrl);
    }
    return body;
  }

  /** A heartbeat.deployments event (camelCase), checked against the contract. */
  public static ObjectNode event(String service, String version, Instant started, Instant finished,
      String rollbackUrl) {
    ObjectNode event = Fixtures.JSON.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", Deployment.id(service, "production", version, started))
        .put("service", service)
        .put("version", version)
        .put("environment", "production")
        .put("startedAt", started.toString())
        .put("finishedAt", finished.toString())
        .put("commit", "3f9c2a1b7d4e")
        .put("author", "ci-bot")
        .put("rollbackUrl", rollbackUrl);
    Contracts.assertValid(CONTRACT, event);
    return event;
  }
}
