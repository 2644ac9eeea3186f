package io.heartbeat.compute.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.BackfillJob;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.repository.BackfillRepository;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.repository.WindowRunRepository;
import io.heartbeat.compute.schedule.PlannedWindow;
import io.heartbeat.compute.schedule.Window;
import io.heartbeat.compute.service.WindowComputation;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Runs backfill jobs: once a second it takes the oldest running job no other instance holds (row lock for the
 * step) and computes its next {@code compute.backfill.windows-per-second} windows in order, through the same
 * claim and publication as the schedule. Windows that already have a run are counted, not computed again.
 */
@ApplicationScoped
public class BackfillRunner {

  private final Pool pool;
  private final BackfillRepository jobs;
  private final MetricRepository metrics;
  private final WindowRunRepository runs;
  private final WindowComputation computation;
  private final ComputeConfig config;
  private final Set<UUID> resumed = ConcurrentHashMap.newKeySet();

  public BackfillRunner(Pool pool, BackfillRepository jobs, MetricRepository metrics, WindowRunRepository runs,
      WindowComputation computation, ComputeConfig config) {
    this.pool = pool;
    this.jobs = jobs;
    this.metrics = metrics;
    this.runs = runs;
    this.computation = computation;
    this.config = config;
  }

  @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> advance() {
    return step()
        .onFailure().invoke(failure -> Log.warnf("backfill step failed reason=%s", failure.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** One step of one job; true when there was a job to advance. */
  Uni<Boolean> step() {
    return pool.withTransaction(connection -> jobs.lockNextRunning(connection).chain(found -> found.isEmpty()
        ? Uni.createFrom().item(false)
        : advance(connection, found.get()).replaceWith(true)));
  }

  private Uni<Void> advance(SqlClient connection, BackfillJob job) {
    Uni<Void> started = resumed.add(job.id()) ? jobs.markResumed(connection, job.id())
        : Uni.createFrom().voidItem();
    return started.chain(() -> metrics.schedule(job.metricId())).chain(found -> {
      if (found.isEmpty()) {
        return stop(connection, job, "metric " + job.metricId() + " is no longer in force");
      }
      MetricSchedule metric = found.get();
      VersionedDefinition definition = metric.current();
      if (definition.definition().periodSeconds() != job.periodSeconds()) {
        return stop(connection, job, "the metric's period changed from " + job.periodSeconds() + "s to "
            + definition.definition().periodSeconds() + "s; request a new backfill");
      }
      List<Window> batch = batch(job);
      if (batch.isEmpty()) {
        return jobs.advance(connection, job, job.nextStart(), 0, 0);
      }
      Instant batchEnd = batch.get(batch.size() - 1).end();
      return runs.startsBetween(job.metricId(), job.nextStart(), batchEnd)
          .chain(existing -> Multi.createFrom().iterable(batch)
              .onItem().transformToUniAndConcatenate(window -> existing.contains(window.start())
                  ? Uni.createFrom().item(false)
                  : computation.compute(job.metricId(), new PlannedWindow(window, definition))
                      .map(Optional::isPresent))
              // A lost connection or Kafka ends the step; what was done is kept and the next step resumes there.
              .onFailure().invoke(failure -> Log.warnf("backfill window failed id=%s metric=%s reason=%s", job.id(),
                  job.metricId(), failure.getMessage()))
              .onFailure().recoverWithCompletion()
              .collect().asList())
          .chain(outcomes -> {
            int computed = (int) outcomes.stream().filter(Boolean::booleanValue).count();
            Instant next = job.nextStart().plus(job.period().multipliedBy(outcomes.size()));
            if (!next.isBefore(job.rangeEnd())) {
              Log.infof("backfill done id=%s metric=%s windows=%d computed=%d", job.id(), job.metricId(),
                  job.total(), job.computed() + computed);
            }
            return jobs.advance(connection, job, next, outcomes.size(), computed);
          });
    });
  }

  /** The next windows of the job, at most the configured rate per step. */
  private List<Window> batch(BackfillJob job) {
    Duration period = job.period();
    List<Window> windows = new ArrayList<>();
    Instant start = job.nextStart();
    int limit = Math.max(1, config.backfill().windowsPerSecond());
    while (windows.size() < limit && start.isBefore(job.rangeEnd())) {
      windows.add(new Window(start, start.plus(period)));
      start = start.plus(period);
    }
    return windows;
  }

  private Uni<Void> stop(SqlClient connection, BackfillJob job, String reason) {
    Log.warnf("backfill failed id=%s metric=%s reason=%s", job.id(), job.metricId(), reason);
    return jobs.fail(connection, job.id(), reason);
  }
}
