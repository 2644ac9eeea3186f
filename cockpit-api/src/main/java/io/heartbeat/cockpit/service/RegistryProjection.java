package io.heartbeat.cockpit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.MetricDefinitionEvent;
import io.heartbeat.cockpit.repository.MetricRepository;
import io.quarkus.logging.Log;
import io.heartbeat.cockpit.stream.TileChanges;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Keeps cockpit.metric in step with heartbeat.registry: definitions in, removals and tombstones out. */
@ApplicationScoped
public class RegistryProjection {

  private final MetricRepository metrics;
  private final TileChanges changes;
  private final Pool pool;
  private final StreamBroadcaster broadcaster;

  public RegistryProjection(MetricRepository metrics, TileChanges changes, Pool pool, StreamBroadcaster broadcaster) {
    this.broadcaster = broadcaster;
    this.metrics = metrics;
    this.changes = changes;
    this.pool = pool;
  }

  /** A tombstone (null value) on the compacted topic: the metric keyed metricId is gone. */
  public Uni<Outcome> tombstone(String metricId) {
    return remove(metricId);
  }

  /** Applies one registry event; definitionJson is the event's definition object as received. */
  public Uni<Outcome> apply(MetricDefinitionEvent event, String definitionJson) {
    if (event.removed()) {
      return remove(event.metricId());
    }
    if (event.definition() == null) {
      // An invalid file that never had a good version: there is nothing to show yet.
      Log.infof("registry event without definition ignored metricId=%s state=%s problems=%d",
          event.metricId(), event.state(), event.problems() == null ? 0 : event.problems().size());
      return Uni.createFrom().item(Outcome.IGNORED);
    }
    // The tile shows the definition's name, unit and thresholds: a change is journaled for the stream with it.
    return pool.withTransaction(conn -> metrics.upsert(conn, event, definitionJson).call(changed -> changed
            ? changes.journalDefinition(conn, event.metricId(), event.version()) : Uni.createFrom().voidItem()))
        .invoke(broadcaster::wake)
        .map(changed -> {
      Log.debugf("metric defined metricId=%s version=%s changed=%s", event.metricId(), event.version(), changed);
      return changed ? Outcome.APPLIED : Outcome.SUPERSEDED;
    });
  }

  private Uni<Outcome> remove(String metricId) {
    return pool.withTransaction(conn -> metrics.remove(conn, metricId).call(existed -> existed
            ? changes.journalRemoval(conn, metricId, java.time.Instant.now()) : Uni.createFrom().voidItem()))
        .invoke(broadcaster::wake)
        .map(existed -> {
      Log.infof("metric removed metricId=%s existed=%s", metricId, existed);
      return Outcome.REMOVED;
    });
  }
}
