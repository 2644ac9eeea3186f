package io.heartbeat.alert.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.heartbeat.alert.deploy.Deployment;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A deployment as a read shows it, in the POST body's spelling. The rollback URL is a capability and never leaves
 * alert-service: a read says only whether there is one.
 */
@RegisterForReflection
public record DeploymentView(String id, String service, String version, String environment,
    @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt, String commit,
    String author, boolean rollback) {

  static DeploymentView of(Deployment d) {
    return new DeploymentView(d.id(), d.service(), d.version(), d.environment(), d.startedAt(), d.finishedAt(),
        d.commit(), d.author(), d.rollbackAvailable());
  }
}
