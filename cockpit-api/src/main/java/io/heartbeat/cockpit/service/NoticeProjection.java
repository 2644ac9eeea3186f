package io.heartbeat.cockpit.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.repository.AlertRepository;
import io.heartbeat.cockpit.repository.StreamJournal;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Folds heartbeat.notifications (docs/events/notification.v1.json) into the episodes' notices: the responder context
 * of the latest step, the rollback's furthest state, and per receiver and step the latest delivery attempt. A change
 * is pushed on the stream as an alert event, so an open alerts view updates without a reload.
 */
@ApplicationScoped
public class NoticeProjection {

  private final Pool pool;
  private final AlertRepository alerts;
  private final StreamJournal journal;
  private final StreamBroadcaster broadcaster;

  public NoticeProjection(Pool pool, AlertRepository alerts, StreamJournal journal, StreamBroadcaster broadcaster) {
    this.broadcaster = broadcaster;
    this.pool = pool;
    this.alerts = alerts;
    this.journal = journal;
  }

  /** Applies one notification event as read (already checked to carry kind, id, dedupKey, metricId, occurredAt). */
  public Uni<Outcome> apply(JsonObject event) {
    String kind = event.getString("kind");
    String dedupKey = event.getString("dedupKey");
    Instant at = Instant.parse(event.getString("occurredAt"));
    Slot slot = switch (kind) {
      case "context" -> new Slot("context", at.toEpochMilli(), event.getJsonObject("context").copy()
          .put("step", event.getString("step")).put("at", at.toString()));
      case "rollback" -> new Slot("rollback", rollbackRank(event.getString("state")), new JsonObject()
          .put("state", event.getString("state")).put("detail", event.getString("detail"))
          .put("reason", event.getString("detail")).put("service", event.getValue("service"))
          .put("version", event.getValue("version")).put("deploymentId", event.getValue("deploymentId"))
          .put("at", at.toString()));
      case "delivery" -> new Slot("delivery|" + event.getString("receiver") + "|" + event.getString("step"),
          event.getInteger("attempts"), new JsonObject()
          .put("receiver", event.getString("receiver")).put("channel", event.getString("channel"))
          .put("step", event.getString("step")).put("outcome", event.getString("outcome"))
          .put("attempts", event.getInteger("attempts")).put("httpStatus", event.getValue("httpStatus"))
          .put("nextAttemptAt", event.getValue("nextAttemptAt")).put("at", at.toString()));
      default -> null;
    };
    if (slot == null) {
      return Uni.createFrom().item(Outcome.IGNORED);
    }
    String noticeKind = kind.equals("delivery") ? "delivery" : kind;
    return pool.withTransaction(conn -> alerts.notice(conn, dedupKey, slot.name(), noticeKind, slot.rank(),
            slot.body(), at)
        .call(changed -> !changed ? Uni.createFrom().voidItem()
            : journal.append(conn, AlertProjection.KIND, "notice|" + event.getString("id"),
                event.getString("metricId"), new JsonObject()
                    .put("dedupKey", dedupKey).put("metricId", event.getString("metricId"))
                    .put("type", kind).put("at", at.toString())
                    .put("detail", slot.body().getValue(kind.equals("delivery") ? "outcome" : "state")).encode())))
        .invoke(broadcaster::wake)
        .map(changed -> changed ? Outcome.APPLIED : Outcome.SUPERSEDED);
  }

  /** A decision (started, skipped) ranks below the outcome (succeeded, failed) it leads to. */
  static long rollbackRank(String state) {
    return "succeeded".equals(state) || "failed".equals(state) ? 2 : 1;
  }

  private record Slot(String name, long rank, JsonObject body) {
  }
}
