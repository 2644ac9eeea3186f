package io.heartbeat.cockpit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.MetricDefinitionEvent;
import io.heartbeat.cockpit.repository.MetricRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Keeps cockpit.metric in step with heartbeat.registry: definitions in, removals and tombstones out. */
@ApplicationScoped
public class RegistryProjection {

  private final MetricRepository metrics;

  public RegistryProjection(MetricRepository metrics) {
    this.metrics = metrics;
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
    return metrics.upsert(event, definitionJson).map(changed -> {
      Log.debugf("metric defined metricId=%s version=%s changed=%s", event.metricId(), event.version(), changed);
      return changed ? Outcome.APPLIED : Outcome.SUPERSEDED;
    });
  }

  private Uni<Outcome> remove(String metricId) {
    return metrics.remove(metricId).map(existed -> {
      Log.infof("metric removed metricId=%s existed=%s", metricId, existed);
      return Outcome.REMOVED;
    });
  }
}
