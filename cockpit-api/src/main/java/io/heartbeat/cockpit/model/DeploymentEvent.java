package io.heartbeat.cockpit.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * DeploymentEvent v1 from heartbeat.deployments (docs/events/deployment.v1.json), without its rollback URL: that is
 * a capability alert-service holds, and the cockpit neither reads nor stores it.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentEvent(String id, String service, String version, String environment, Instant startedAt,
    Instant finishedAt, String commit, String author) {

  public boolean complete() {
    return id != null && service != null && version != null && environment != null && startedAt != null
        && finishedAt != null;
  }
}
