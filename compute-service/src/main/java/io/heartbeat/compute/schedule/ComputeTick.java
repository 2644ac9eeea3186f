package io.heartbeat.compute.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.messaging.RegistryPartitions;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.service.WindowComputation;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The schedule: each tick finds this instance's metrics (those on its registry partitions) with a due window and
 * starts a pass for each, longest-waiting first. A tick does not wait for its passes; a metric already in a pass is
 * not started twice (and a window claimed meanwhile is not published twice), and only the queries are bounded ({@code compute.max-concurrency}), so a slow metric holds one
 * query slot until its own timeout and nothing else.
 */
@ApplicationScoped
public class ComputeTick {

  private final MetricRepository metrics;
  private final WindowComputation computation;
  private final RegistryPartitions partitions;
  private final ComputeConfig config;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public ComputeTick(MetricRepository metrics, WindowComputation computation, RegistryPartitions partitions,
      ComputeConfig config) {
    this.metrics = metrics;
    this.computation = computation;
    this.partitions = partitions;
    this.config = config;
  }

  @Scheduled(every = "${compute.tick:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    Instant now = Instant.now();
    return startDue(now)
        .invoke(due -> passes(due, now).subscribe().with(
            computed -> {
              if (computed > 0) {
                Log.infof("tick done at=%s metrics=%d windows=%d ms=%d", now, due.size(), computed,
                    Duration.between(now, Instant.now()).toMillis());
              }
            },
            failure -> Log.warnf("passes failed reason=%s", failure.getMessage())))
        .onFailure().invoke(failure -> Log.warnf("tick failed reason=%s", failure.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** One tick at {@code now} that completes when every window it started is published: what the benchmark times. */
  public Uni<Integer> runDue(Instant now) {
    return startDue(now).chain(due -> passes(due, now));
  }

  /** This instance's metrics with work to do and no pass running, longest-waiting first, now marked in flight. */
  Uni<List<MetricSchedule>> startDue(Instant now) {
    return metrics.schedules(partitions.owned()).map(schedules -> schedules.stream()
        .filter(metric -> !inFlight.contains(metric.metricId()))
        .map(metric -> new Due(metric, WindowPlan.next(metric, now, config.maxLookback())))
        .filter(due -> due.metric().pendingSince() != null
            || (!now.isBefore(due.windowEnd().plus(config.settleDelay()))
                && !due.metric().awaitsHistory(due.next().definition())))
        .sorted(Comparator.comparing(Due::windowEnd))
        .map(Due::metric)
        .filter(metric -> inFlight.add(metric.metricId()))
        .toList());
  }

  /**
   * The passes side by side; completes with the number of windows computed once all have ended. All start at once:
   * a waiting pass holds nothing but its place in the query queue (a merge with a high bound would rescan every
   * running pass on each result, which a thousand metrics at one tick pay for).
   */
  Uni<Integer> passes(List<MetricSchedule> due, Instant now) {
    if (due.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return Uni.join().all(due.stream().map(metric -> pass(metric, now)
            .onFailure().invoke(failure -> Log.warnf("windows not computed metric=%s reason=%s", metric.metricId(),
                failure.getMessage()))
            .onFailure().recoverWithItem(0)
            .onTermination().invoke(() -> inFlight.remove(metric.metricId())))
        .toList()).andFailFast()
        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
  }

  /**
   * One metric as the tick read it: first what an earlier claim left unacknowledged, then the due windows. Should
   * another pass have finished a window since the read, its claim fails and nothing is published twice.
   */
  Uni<Integer> pass(MetricSchedule metric, Instant now) {
    if (metric.pendingSince() == null) {
      return computeDue(metric, now);
    }
    if (metric.pendingSince().isAfter(Instant.now().minus(config.republishAfter()))) {
      // The instance that claimed it may still be publishing; windows stay in order, so wait for it.
      return Uni.createFrom().item(0);
    }
    return computation.republishPending(metric.metricId()).chain(() -> computeDue(metric, now));
  }

  private Uni<Integer> computeDue(MetricSchedule metric, Instant now) {
    List<PlannedWindow> due = WindowPlan.due(metric, now, config.settleDelay(), config.maxLookback(),
        config.windowsPerPass());
    // In order, one after the other: a failure stops here and the next tick resumes at the same window. A window
    // claimed by another instance means that one computes the metric now (a rebalance): this pass stops too.
    return Multi.createFrom().iterable(due)
        .onItem().transformToUniAndConcatenate(planned -> computation.compute(metric.metricId(), planned))
        .select().first(Optional::isPresent)
        .collect().with(Collectors.counting())
        .map(Long::intValue);
  }

  /** A metric with its next window, planned once per tick. */
  private record Due(MetricSchedule metric, PlannedWindow next) {

    Instant windowEnd() {
      return next.window().end();
    }
  }
}
