package io.heartbeat.alert.notify.event;

import java.time.Instant;

import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.RollbackState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * kind rollback: the episode's rollback decided (started, or skipped with the reason) or finished (succeeded,
 * failed). Never the rollback URL: it is a capability. An episode reaches each state at most once, so
 * id = sha256(dedupKey|rollback|state).
 *
 * @param detail why it was skipped, how it failed, what the hook answered: the words alert.rollback keeps
 * @param deploymentId the deploy rolled back, null when skipped
 */
@RegisterForReflection
public record RollbackEvent(int schemaVersion, String id, String kind, String dedupKey, String metricId,
    String state, String detail, String service, String version, String deploymentId, Instant occurredAt)
    implements NotificationEvent {

  public static final String KIND = "rollback";

  public static RollbackEvent of(String dedupKey, String metricId, RollbackState state, String detail,
      String service, String version, String deploymentId, Instant at) {
    return new RollbackEvent(SCHEMA_VERSION, EventId.of(dedupKey, KIND, state.wire()), KIND, dedupKey, metricId,
        state.wire(), detail, service, version, deploymentId, at);
  }
}
