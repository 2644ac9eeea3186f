package io.heartbeat.alert.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.MetricDefinitionEvent;
import io.heartbeat.alert.repository.MetricRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Keeps alert.metric in step with the registry and judges observations that were waiting for a definition. */
@ApplicationScoped
public class DefinitionService {

  private final MetricRepository metrics;
  private final EvaluationService evaluations;
  private final Clock clock;

  public DefinitionService(MetricRepository metrics, EvaluationService evaluations, Clock clock) {
    this.metrics = metrics;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  public Uni<Void> apply(MetricDefinitionEvent event, String definitionJson) {
    Metric metric = Metric.of(event);
    return metrics.upsert(metric, definitionJson, clock.instant())
        .invoke(() -> Log.infof("Definition in force metricId=%s version=%s state=%s stage=%s",
            metric.metricId(), metric.version(), event.state(), metric.stage()))
        .chain(() -> evaluations.definitionChanged(metric));
  }

  public Uni<Void> remove(String metricId) {
    return metrics.delete(metricId)
        .invoke(() -> Log.infof("Definition withdrawn metricId=%s", metricId))
        .chain(() -> evaluations.definitionRemoved(metricId));
  }
}
