package io.heartbeat.compute.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.history.HistoryPlanner;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricDefinitionEvent;
import io.heartbeat.compute.model.Stage;
import io.heartbeat.compute.repository.HistoryRepository;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.schedule.WindowClock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Keeps compute.metric in step with heartbeat.registry: defines, changes and removes metrics, idempotently. A metric
 * at a stage that is not computed ({@link Stage#computed}) has no definition in force here.
 */
@ApplicationScoped
public class DefinitionSync {

  private final Pool pool;
  private final MetricRepository metrics;
  private final ObjectMapper mapper;
  private final HistoryPlanner history;
  private final HistoryRepository histories;

  public DefinitionSync(Pool pool, MetricRepository metrics, ObjectMapper mapper, HistoryPlanner history,
      HistoryRepository histories) {
    this.pool = pool;
    this.metrics = metrics;
    this.mapper = mapper;
    this.history = history;
    this.histories = histories;
  }

  /** {@code partition}: the heartbeat.registry partition the event came on, which decides the computing instance. */
  public Uni<Void> apply(MetricDefinitionEvent event, int partition) {
    if (event.removesMetric()) {
      return remove(event.metricId(), event.type() + "/" + event.state());
    }
    Optional<Stage> stage = stageOf(event);
    if (stage.isPresent() && !stage.get().computed()) {
      // Stopped as a removal is: no live window, its history job failed. A move back to a computed stage then
      // arrives as a new metric: live from its most recent closed window, and a history (warm start) of the version.
      return stop(event.metricId(), "stage " + stage.get().wire() + " is not computed")
          .invoke(known -> Log.infof("metric not computed metric=%s version=%s stage=%s known=%s", event.metricId(),
              event.version(), stage.get().wire(), known))
          .replaceWithVoid();
    }
    String unusable = unusable(event);
    if (unusable != null) {
      Log.warnf("definition ignored metric=%s version=%s reason=%s", event.metricId(), event.version(), unusable);
      return Uni.createFrom().voidItem();
    }
    return pool.withTransaction(connection -> metrics.findForUpdate(connection, event.metricId())
        .chain(existing -> DefinitionChange.next(existing.orElse(null), event, Instant.now())
            .map(next -> metrics.save(connection, next, partition).invoke(() -> Log.infof(
                "definition in force metric=%s version=%s state=%s effectiveFrom=%s partition=%d", next.metricId(),
                next.version(), next.state(), next.effectiveFrom() == null ? "now" : next.effectiveFrom(),
                partition)).chain(() -> history.plan(connection, existing.orElse(null), next)))
            // A replay changes nothing but may come on another partition (the topic was resized).
            .orElseGet(() -> metrics.assignPartition(connection, event.metricId(), partition))));
  }

  /** A tombstone or a removal: the metric stops being computed; its window history stays. */
  public Uni<Void> remove(String metricId, String reason) {
    return stop(metricId, "metric removed")
        .invoke(deleted -> Log.infof("metric removed metric=%s reason=%s known=%s", metricId, reason, deleted))
        .replaceWithVoid();
  }

  /** No definition in force any more, its running history job failed with {@code reason}; true when there was one. */
  private Uni<Boolean> stop(String metricId, String reason) {
    return pool.withTransaction(connection -> histories.failRunning(connection, metricId, reason)
        .chain(() -> metrics.delete(connection, metricId)));
  }

  /** The event's stage; empty when it carries none or one this version does not know (then it is computed). */
  private static Optional<Stage> stageOf(MetricDefinitionEvent event) {
    String wire = event.definition().path("stage").asText(null);
    Optional<Stage> stage = Stage.of(wire);
    if (wire != null && stage.isEmpty()) {
      Log.warnf("unknown stage, metric computed metric=%s stage=%s", event.metricId(), wire);
    }
    return stage;
  }

  /** What the registry should have rejected, but the schedule cannot run; null when usable. */
  private String unusable(MetricDefinitionEvent event) {
    if (event.version() == null || event.state() == null) {
      return "version or state missing";
    }
    try {
      MetricDefinition definition = mapper.treeToValue(event.definition(), MetricDefinition.class);
      if (definition.valueSql() == null || definition.valueSql().isBlank()) {
        return "valueSql is empty";
      }
      if (definition.period() == null || !WindowClock.supports(Duration.ofSeconds(definition.periodSeconds()))) {
        return "periodSeconds=" + definition.periodSeconds() + " does not divide a day";
      }
      return null;
    } catch (JsonProcessingException e) {
      return "definition unreadable: " + e.getOriginalMessage();
    }
  }
}
