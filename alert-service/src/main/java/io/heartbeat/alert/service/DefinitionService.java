package io.heartbeat.alert.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.lifecycle.Stage;
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
    // Read before the upsert: what changed decides whether open episodes end (stage, period, direction).
    return metrics.find(metric.metricId())
        .chain(previous -> evaluations.closeEpisodes(previous, closing(previous, metric)))
        .chain(() -> metrics.upsert(metric, definitionJson, clock.instant()))
        .invoke(() -> Log.infof("Definition in force metricId=%s version=%s state=%s stage=%s",
            metric.metricId(), metric.version(), event.state(), metric.stage()))
        .chain(() -> evaluations.definitionChanged(metric));
  }

  /**
   * Why a change of definition ends the metric's open episodes, or null when it does not. A stage without episodes
   * ends them even when the stage did not change: an episode opened there before the stage was enforced is resolved.
   */
  static String closing(Metric previous, Metric next) {
    if (previous == null) {
      return null;
    }
    Stage stage = next.lifecycle();
    if (!stage.opensEpisodes()) {
      if (stage == Stage.RETIRED) {
        return "metric retired";
      }
      return previous.stage().equals(next.stage()) ? "stage " + stage.wire() + " opens no episodes"
          : "stage moved from " + previous.stage() + " to " + stage.wire() + ", which opens no episodes";
    }
    if (previous.periodSeconds() != next.periodSeconds()) {
      return "period changed from " + previous.period() + " to " + next.period();
    }
    if (previous.direction() != next.direction()) {
      return "direction changed from " + previous.direction().wire() + " to " + next.direction().wire();
    }
    return null;
  }

  public Uni<Void> remove(String metricId) {
    return metrics.find(metricId)
        .chain(previous -> evaluations.closeEpisodes(previous, "metric removed from the registry"))
        .chain(() -> metrics.delete(metricId))
        .invoke(() -> Log.infof("Definition withdrawn metricId=%s", metricId))
        .chain(() -> evaluations.definitionRemoved(metricId));
  }
}
