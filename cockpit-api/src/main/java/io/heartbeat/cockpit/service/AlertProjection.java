package io.heartbeat.cockpit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.AlertEvent;
import io.heartbeat.cockpit.repository.AlertRepository;
import io.heartbeat.cockpit.repository.StreamJournal;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** Folds heartbeat.alerts steps into episodes and journals each new step for the live stream. */
@ApplicationScoped
public class AlertProjection {

  public static final String KIND = "alert";

  private final Pool pool;
  private final AlertRepository alerts;
  private final StreamJournal journal;
  private final StreamBroadcaster broadcaster;

  public AlertProjection(Pool pool, AlertRepository alerts, StreamJournal journal, StreamBroadcaster broadcaster) {
    this.broadcaster = broadcaster;
    this.pool = pool;
    this.alerts = alerts;
    this.journal = journal;
  }

  /** Applies one step; a step already applied (replay, duplicate) changes nothing and is not pushed again. */
  public Uni<Outcome> apply(AlertEvent step) {
    JsonObject stepJson = new JsonObject()
        .put("id", step.id())
        .put("type", step.type())
        .put("status", step.status().wire())
        .put("previousStatus", step.previousStatus() == null ? null : step.previousStatus().wire())
        .put("at", step.occurredAt().toString())
        .put("reason", step.reason())
        .put("stage", step.stage());
    if (step.evidence() != null) {
      JsonObject evidence = new JsonObject(step.evidence().toString());
      stepJson.put("windowStart", evidence.getValue("windowStart"))
          .put("value", evidence.getValue("value"))
          .put("band", evidence.getValue("band"))
          .put("thresholds", evidence.getValue("thresholds"));
    }
    return pool.withTransaction(conn -> alerts.fold(conn, step, stepJson).call(state -> state.isEmpty()
            ? Uni.createFrom().voidItem()
            : journal.append(conn, KIND, KIND + "|" + step.id(), step.metricId(), new JsonObject()
                .put("dedupKey", step.dedupKey())
                .put("metricId", step.metricId())
                .put("series", step.series())
                .put("type", step.type())
                .put("state", state.get())
                .put("status", step.status().wire())
                .put("at", step.occurredAt().toString())
                .put("reason", step.reason()).encode())))
        .invoke(broadcaster::wake)
        .map(state -> state.isPresent() ? Outcome.APPLIED : Outcome.SUPERSEDED);
  }
}
