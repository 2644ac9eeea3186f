package io.heartbeat.compute.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.service.WindowComputation;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The schedule: each tick finds metrics with a due window and starts them, at most {@code compute.max-concurrency}
 * at a time. A tick does not wait for them, so a slow metric holds only its own slot until its timeout.
 */
@ApplicationScoped
public class ComputeTick {

  private final MetricRepository metrics;
  private final WindowComputation computation;
  private final ComputeConfig config;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Semaphore slots;

  public ComputeTick(MetricRepository metrics, WindowComputation computation, ComputeConfig config) {
    this.metrics = metrics;
    this.computation = computation;
    this.config = config;
    this.slots = new Semaphore(config.maxConcurrency());
  }

  @Scheduled(every = "${compute.tick:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return metrics.schedules()
        .invoke(schedules -> start(schedules, Instant.now()))
        .onFailure().invoke(failure -> Log.warnf("tick failed reason=%s", failure.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** Starts the metrics with a due window, the longest-waiting first. */
  void start(List<MetricSchedule> schedules, Instant now) {
    List<MetricSchedule> due = schedules.stream()
        .filter(metric -> !inFlight.contains(metric.metricId()))
        .filter(metric -> WindowClock.isDue(next(metric, now).window(), now, config.settleDelay()))
        .sorted(Comparator.comparing(metric -> next(metric, now).window().end()))
        .toList();
    for (MetricSchedule metric : due) {
      if (!inFlight.add(metric.metricId())) {
        continue;
      }
      if (!slots.tryAcquire()) {
        inFlight.remove(metric.metricId());
        Log.debugf("tick full inFlight=%d waiting=%s", inFlight.size(), metric.metricId());
        return;
      }
      String metricId = metric.metricId();
      computeDue(metricId)
          .onTermination().invoke(() -> {
            inFlight.remove(metricId);
            slots.release();
          })
          .subscribe().with(ignored -> { },
              failure -> Log.warnf("windows not computed metric=%s reason=%s", metricId, failure.getMessage()));
    }
  }

  /** Re-reads the metric once it holds the slot, so a window finished meanwhile is never planned again. */
  Uni<Void> computeDue(String metricId) {
    return metrics.schedule(metricId).chain(found -> {
      if (found.isEmpty()) {
        return Uni.createFrom().voidItem();
      }
      List<PlannedWindow> due = WindowPlan.due(found.get(), Instant.now(), config.settleDelay(),
          config.maxLookback(), config.windowsPerPass());
      // In order, one after the other: a failure stops here and the next tick resumes at the same window.
      return Multi.createFrom().iterable(due)
          .onItem().transformToUniAndConcatenate(planned -> computation.compute(metricId, planned))
          .collect().last()
          .replaceWithVoid();
    });
  }

  private PlannedWindow next(MetricSchedule metric, Instant now) {
    return WindowPlan.next(metric, now, config.maxLookback());
  }
}
