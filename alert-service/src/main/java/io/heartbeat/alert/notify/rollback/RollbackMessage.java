package io.heartbeat.alert.notify.rollback;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.RollbackCase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body Heartbeat POSTs to a deploy's rollback hook (rollback.v1, docs/events/rollback.v1.json), signed per
 * Standard Webhooks with {@code id} as webhook-id: a deploy tool that keeps the ids it has seen acts once even if a
 * retry reaches it twice. It names the deploy to roll back and why, never the hook's own URL.
 *
 * @param id sha256(episodeKey|deploymentId): the same on every retry
 */
@RegisterForReflection
public record RollbackMessage(int schemaVersion, String type, String id, String episodeKey, String metricId,
    String metricName, String reason, Instant dropStartedAt, Instant decidedAt, String cockpitUrl,
    DeployedVersion deployment) {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public static final String TYPE = "rollback.requested";

  /** The deploy as the hook's owner recorded it. */
  @RegisterForReflection
  public record DeployedVersion(String id, String service, String version, String environment, Instant startedAt,
      Instant finishedAt, String commit, String author) {
  }

  static RollbackMessage of(RollbackCase episode, Deployment deploy, String reason, Instant decidedAt) {
    return new RollbackMessage(1, TYPE, EventId.of(episode.episodeKey(), deploy.id()), episode.episodeKey(),
        episode.metricId(), episode.metricName(), reason, episode.dropStart(), decidedAt, episode.cockpitUrl(),
        new DeployedVersion(deploy.id(), deploy.service(), deploy.version(), deploy.environment(),
            deploy.startedAt(), deploy.finishedAt(), deploy.commit(), deploy.author()));
  }

  String json() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rollback message always serializes", e);
    }
  }

  static String idOf(String json) {
    try {
      return MAPPER.readTree(json).get("id").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored rollback request unreadable", e);
    }
  }
}
