package io.heartbeat.compute.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.HistoryChunk;
import io.heartbeat.compute.model.HistoryJob;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.service.QuerySlots;
import io.heartbeat.compute.service.ResultMapping;
import io.heartbeat.compute.service.SeriesQuery;
import io.heartbeat.compute.service.ValueQuery;
import io.heartbeat.compute.service.WindowComputation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Computes consecutive history windows: one chunk statement holding one query slot, each window mapped as the live
 * path maps it. When the statement fails for the metric's own reason (one window divides by zero, a row or the chunk
 * over its byte limit), the windows are computed one by one as live windows are, so each gets its own error; a
 * transient failure fails the step.
 */
@ApplicationScoped
public class HistoryWindows {

  private final SeriesQuery series;
  private final ValueQuery query;
  private final QuerySlots slots;
  private final ComputeConfig config;

  public HistoryWindows(SeriesQuery series, ValueQuery query, QuerySlots slots, ComputeConfig config) {
    this.series = series;
    this.query = query;
    this.slots = slots;
    this.config = config;
  }

  /** The observations of {@code count} windows from {@code start}, one list per window, total first. */
  public Uni<List<List<ObservationEvent>>> compute(HistoryJob job, Instant start, int count, Instant computedAt) {
    VersionedDefinition definition = job.versioned();
    // A window's observations must fit one chunk event.
    int cap = Math.min(ResultMapping.capOf(definition, config.dimensions().cap()), HistoryChunk.MAX_OBSERVATIONS - 1);
    return slots.run(() -> series.run(definition.definition(), start, count, cap))
        // Mapping a chunk (and cutting and writing it as JSON after) is CPU work: off the event loop, and spread over
        // the cores rather than on the one loop thread the connection answered on.
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(results -> {
          List<List<ObservationEvent>> windows = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            windows.add(ResultMapping.observations(job.metricId(), definition, window(job, start, i), computedAt,
                results.get(i), cap));
          }
          return windows;
        })
        .onFailure(failure -> !WindowComputation.isTransient(failure)).recoverWithUni(failure -> {
          Log.infof("history chunk statement failed, computing its windows one by one metric=%s version=%s "
              + "start=%s windows=%d reason=%s", job.metricId(), job.definitionVersion(), start, count,
              WindowComputation.errorOf(failure).message());
          return Multi.createFrom().range(0, count)
              .onItem().transformToUniAndConcatenate(i -> one(job, definition, window(job, start, i), computedAt, cap))
              .collect().asList()
              .emitOn(Infrastructure.getDefaultWorkerPool());
        });
  }

  private Uni<List<ObservationEvent>> one(HistoryJob job, VersionedDefinition definition, Window window,
      Instant computedAt, int cap) {
    return slots.run(() -> query.run(definition.definition(), window))
        .map(result -> ResultMapping.observations(job.metricId(), definition, window, computedAt, result, cap))
        .onFailure(failure -> !WindowComputation.isTransient(failure)).recoverWithItem(failure -> List.of(
            ResultMapping.failure(job.metricId(), definition, window, computedAt, WindowComputation.errorOf(failure))));
  }

  private static Window window(HistoryJob job, Instant start, int index) {
    Duration period = job.period();
    Instant windowStart = start.plus(period.multipliedBy(index));
    return new Window(windowStart, windowStart.plus(period));
  }
}
