package io.heartbeat.alert.deploy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A deployment on heartbeat.deployments, key = service (docs/events/deployment.v1.json). It carries the rollback URL
 * so every reader can record the same row: the topic is internal, and no reader logs the URL.
 */
@RegisterForReflection
public record DeploymentEvent(int schemaVersion, String id, String service, String version, String environment,
    String startedAt, String finishedAt, String commit, String author, String rollbackUrl) {

  public static final int SCHEMA_VERSION = 1;

  public static DeploymentEvent of(Deployment d) {
    return new DeploymentEvent(SCHEMA_VERSION, d.id(), d.service(), d.version(), d.environment(),
        d.startedAt().toString(), d.finishedAt().toString(), d.commit(), d.author(),
        d.rollbackUrl() == null ? null : d.rollbackUrl().reveal());
  }

  // The record's own toString would print the URL.
  @Override
  public String toString() {
    return "DeploymentEvent[id=" + id + ", service=" + service + ", environment=" + environment + ", version="
        + version + "]";
  }
}
