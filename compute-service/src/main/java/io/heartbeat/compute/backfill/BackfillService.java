package io.heartbeat.compute.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.BackfillJob;
import io.heartbeat.compute.model.BackfillProgress;
import io.heartbeat.compute.model.BackfillRequest;
import io.heartbeat.compute.model.BackfillState;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.repository.BackfillRepository;
import io.heartbeat.compute.repository.MetricRepository;
import io.heartbeat.compute.schedule.WindowPlan;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Accepts backfill requests as jobs in compute.backfill and reports their progress; {@link BackfillRunner} runs them. */
@ApplicationScoped
public class BackfillService {

  private final MetricRepository metrics;
  private final BackfillRepository jobs;
  private final ComputeConfig config;

  public BackfillService(MetricRepository metrics, BackfillRepository jobs, ComputeConfig config) {
    this.metrics = metrics;
    this.jobs = jobs;
    this.config = config;
  }

  public Uni<BackfillProgress> request(BackfillRequest request, String requestedBy) {
    if (request.metricId() == null || request.metricId().isBlank() || request.from() == null || request.to() == null) {
      return Uni.createFrom().failure(new BackfillRejected(400, "metric_id, from and to are required"));
    }
    if (!request.from().isBefore(request.to())) {
      return Uni.createFrom().failure(new BackfillRejected(400, "from must be before to"));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return metrics.schedule(request.metricId()).chain(found -> {
      MetricSchedule metric = found.orElseThrow(
          () -> new BackfillRejected(404, "metric " + request.metricId() + " is not in force"));
      Duration period = metric.current().definition().length();
      Instant scheduleStart = WindowPlan.next(metric, now, config.maxLookback()).window().start();
      BackfillRange range = BackfillRange.of(request.from(), request.to(), period, scheduleStart);
      if (range.total() > config.backfill().maxWindows()) {
        throw new BackfillRejected(422, "the range holds " + range.total() + " windows of " + period
            + "; at most " + config.backfill().maxWindows() + " per request");
      }
      BackfillState state = range.total() == 0 ? BackfillState.DONE : BackfillState.RUNNING;
      BackfillJob job = new BackfillJob(UUID.randomUUID(), metric.metricId(), request.from(), request.to(),
          range.start(), range.end(), (int) period.getSeconds(), range.start(), range.total(), 0, 0, state,
          requestedBy, now, now, null, 0, state == BackfillState.DONE ? now : null, null);
      return jobs.insert(job).map(ignored -> {
        Log.infof("backfill requested id=%s metric=%s from=%s to=%s windows=%d by=%s", job.id(), job.metricId(),
            range.start(), range.end(), range.total(), requestedBy);
        return progress(job, now);
      });
    });
  }

  public Uni<Optional<BackfillProgress>> progress(UUID id) {
    return jobs.find(id).map(found -> found.map(job -> progress(job, Instant.now())));
  }

  /** The rate since this job was last (re)started, or the configured one before there is any; ETA from it. */
  BackfillProgress progress(BackfillJob job, Instant now) {
    int remaining = Math.max(0, job.total() - job.done());
    double rate = config.backfill().windowsPerSecond();
    if (job.resumedAt() != null && job.done() > job.doneAtResume()) {
      double seconds = Math.max(0.001, Duration.between(job.resumedAt(), now).toMillis() / 1000.0);
      rate = (job.done() - job.doneAtResume()) / seconds;
    }
    Long etaSeconds = null;
    Instant eta = null;
    if (job.state() == BackfillState.DONE) {
      etaSeconds = 0L;
      eta = job.finishedAt();
    } else if (job.state() == BackfillState.RUNNING) {
      etaSeconds = (long) Math.ceil(remaining / Math.max(rate, 0.001));
      eta = now.plusSeconds(etaSeconds).truncatedTo(ChronoUnit.SECONDS);
    }
    return new BackfillProgress(job.id(), job.metricId(), job.state(), job.requestedFrom(), job.requestedTo(),
        job.rangeStart(), job.rangeEnd(), job.periodSeconds(), job.total(), job.done(), job.computed(),
        Math.round(rate * 100) / 100.0, etaSeconds, eta, job.requestedBy(), job.createdAt(), job.updatedAt(),
        job.finishedAt(), job.error());
  }
}
