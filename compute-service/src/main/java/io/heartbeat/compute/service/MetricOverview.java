package io.heartbeat.compute.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.MetricView;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.repository.WindowRunRepository;
import io.heartbeat.compute.schedule.PlannedWindow;
import io.heartbeat.compute.schedule.WindowPlan;
import io.smallrye.mutiny.Uni;

/** Read side for operators: metrics in force with their next due window, and recent window runs. */
@ApplicationScoped
public class MetricOverview {

  private final MetricRepository metrics;
  private final WindowRunRepository runs;
  private final ComputeConfig config;

  public MetricOverview(MetricRepository metrics, WindowRunRepository runs, ComputeConfig config) {
    this.metrics = metrics;
    this.runs = runs;
    this.config = config;
  }

  public Uni<List<MetricView>> inForce() {
    Instant now = Instant.now();
    return metrics.schedules().map(schedules -> schedules.stream().map(metric -> view(metric, now)).toList());
  }

  /** Empty when the metric is not in force. */
  public Uni<Optional<List<WindowRun>>> recentWindows(String metricId, int limit) {
    return metrics.schedule(metricId).chain(found -> found.isEmpty()
        ? Uni.createFrom().item(Optional.<List<WindowRun>>empty())
        : runs.recent(metricId, limit).map(Optional::of));
  }

  private MetricView view(MetricSchedule metric, Instant now) {
    PlannedWindow next = WindowPlan.next(metric, now, config.maxLookback());
    return new MetricView(metric.metricId(), metric.state(), next.definition().version(),
        next.definition().definition().period(), metric.activeSince(), metric.lastRunEnd(), next.window().start(),
        next.window().end(), next.window().end().plus(config.settleDelay()), metric.registryPartition());
  }
}
