package io.heartbeat.compute.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.messaging.ObservationPublisher;
import io.heartbeat.compute.messaging.RegistryPartitions;
import io.heartbeat.compute.model.HistoryChunk;
import io.heartbeat.compute.model.HistoryJob;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.repository.DimensionRepository;
import io.heartbeat.compute.repository.HistoryRepository;
import io.heartbeat.compute.service.DimensionMemory;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Runs history jobs of this instance's metrics: lanes (half the query slots, so the live schedule always has the
 * other half) each lock the oldest running job no one holds and advance it one chunk statement per transaction:
 * compute, cut into chunks, publish, and only once the broker acknowledged them move the cursor. A crash re-publishes
 * the same chunk (same ids). Leading windows without data are searched through, not published.
 */
@ApplicationScoped
public class HistoryRunner {

  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

  private final Pool pool;
  private final HistoryRepository jobs;
  private final DimensionRepository dimensions;
  private final HistoryWindows windows;
  private final ObservationPublisher publisher;
  private final RegistryPartitions partitions;
  private final ComputeConfig config;
  private final AtomicInteger lanes = new AtomicInteger();

  public HistoryRunner(Pool pool, HistoryRepository jobs, DimensionRepository dimensions, HistoryWindows windows,
      ObservationPublisher publisher, RegistryPartitions partitions, ComputeConfig config) {
    this.pool = pool;
    this.jobs = jobs;
    this.dimensions = dimensions;
    this.windows = windows;
    this.publisher = publisher;
    this.partitions = partitions;
    this.config = config;
  }

  /** Tops the lanes up; a lane ends when it finds no job it can take, or on a failure (retried next second). */
  @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void startLanes() {
    if (!config.history().enabled()) {
      return;
    }
    int wanted = Math.max(1, config.maxConcurrency() / 2);
    for (int running = lanes.get(); running < wanted; running = lanes.get()) {
      if (lanes.compareAndSet(running, running + 1)) {
        Multi.createBy().repeating().uni(this::step).whilst(Boolean::booleanValue)
            .collect().last()
            .onTermination().invoke(lanes::decrementAndGet)
            .subscribe().with(ignored -> { },
                failure -> Log.warnf("history step failed reason=%s", failure.getMessage()));
      }
    }
  }

  /** One chunk statement of one job; true when there was a job to advance. */
  public Uni<Boolean> step() {
    return pool.withTransaction(connection -> jobs.lockNextRunning(connection, partitions.owned())
        .chain(found -> found.isEmpty() ? Uni.createFrom().item(false)
            : advance(connection, found.get()).replaceWith(true)));
  }

  private Uni<Void> advance(SqlClient connection, HistoryJob job) {
    if (!job.inForce()) {
      Log.infof("history superseded metric=%s version=%s", job.metricId(), job.definitionVersion());
      return jobs.fail(connection, job, "superseded: the version is no longer in force");
    }
    Duration period = job.period();
    int remaining = between(job.nextStart(), job.historyEnd(), period);
    if (remaining <= 0) {
      // Searched to the end without data: one empty last chunk tells alert-service the history is over.
      return publish(job, List.of(HistoryChunks.empty(job, now())))
          .chain(() -> jobs.advance(connection, job, job.historyEnd(), job.historyEnd(), 0, 1, 0, Map.of(), true))
          .invoke(() -> done(job, 0, 1));
    }
    int count = Math.min(remaining, Math.max(1, config.history().chunkWindows()));
    Instant computedAt = now();
    return windows.compute(job, job.nextStart(), count, computedAt)
        .chain(computed -> record(connection, job, count, computed, computedAt));
  }

  private Uni<Void> record(SqlClient connection, HistoryJob job, int count, List<List<ObservationEvent>> computed,
      Instant computedAt) {
    Duration period = job.period();
    Instant next = job.nextStart().plus(period.multipliedBy(count));
    boolean done = !next.isBefore(job.historyEnd());
    Instant historyStart = job.historyStart();
    Integer total = job.windows();
    Map<String, Instant> seen = job.seen();
    int offset = 0;
    if (historyStart == null) {
      offset = firstWithData(computed);
      if (offset < 0) {
        return done ? advance(connection, withCursor(job, next))
            : jobs.advance(connection, job, next, null, null, 0, 0, Map.of(), false);
      }
      historyStart = job.nextStart().plus(period.multipliedBy(offset));
      total = between(historyStart, job.historyEnd(), period);
      seen = Map.of();
    }
    String kind = job.definition().dimension();
    Duration memory = config.dimensions().memory();
    List<List<ObservationEvent>> published = new ArrayList<>(count - offset);
    for (List<ObservationEvent> window : computed.subList(offset, count)) {
      DimensionMemory.Outcome outcome = DimensionMemory.fill(window, seen, kind, memory,
          DimensionMemory.withCount(job.definition().minCount(), window));
      seen = outcome.seen();
      published.add(outcome.observations());
    }
    int firstWindow = between(historyStart, job.nextStart().plus(period.multipliedBy(offset)), period);
    List<HistoryChunk> chunks = HistoryChunks.split(job, historyStart, total, firstWindow, published, computedAt,
        HistoryChunk.MAX_OBSERVATIONS);
    Instant start = historyStart;
    Integer windowCount = total;
    Map<String, Instant> remembered = seen;
    return publish(job, chunks)
        // The live windows go on from the history's memory: a value seen in its last day and gone is filled.
        .chain(() -> done && kind != null && !remembered.isEmpty()
            ? dimensions.remember(connection, job.metricId(), kind, remembered, job.historyEnd().minus(memory))
            : Uni.createFrom().voidItem())
        .chain(() -> jobs.advance(connection, job, next, start, windowCount, chunks.size(), published.size(),
            remembered, done))
        .invoke(() -> {
          if (done) {
            done(job, windowCount, job.chunks() + chunks.size());
          } else {
            progress(job, windowCount, published.size());
          }
        });
  }

  private Uni<Void> publish(HistoryJob job, List<HistoryChunk> chunks) {
    return publisher.publishAll(job.metricId(), chunks.stream().map(publisher::json).toList())
        .ifNoItem().after(PUBLISH_TIMEOUT).fail();
  }

  /** The first window whose total has data (a value other than 0, or an error to report); -1 when none has. */
  static int firstWithData(List<List<ObservationEvent>> windows) {
    for (int i = 0; i < windows.size(); i++) {
      ObservationEvent total = windows.get(i).get(0);
      if (total.status() == Status.ERROR
          || (total.status() == Status.OK && total.value().compareTo(BigDecimal.ZERO) != 0)) {
        return i;
      }
    }
    return -1;
  }

  private static HistoryJob withCursor(HistoryJob job, Instant next) {
    return new HistoryJob(job.metricId(), job.definitionVersion(), job.definition(), job.rangeStart(),
        job.historyEnd(), job.historyStart(), job.windows(), next, job.chunks(), job.published(), job.seen(),
        job.state(), job.createdAt(), job.inForce());
  }

  /** At INFO about every 10 %: a thousand metrics' histories must not flood the log. */
  private static void progress(HistoryJob job, int total, int published) {
    int before = job.published() * 10 / Math.max(1, total);
    int after = (job.published() + published) * 10 / Math.max(1, total);
    if (after > before) {
      Log.infof("history progress metric=%s version=%s windows=%d of %d (%d%%)", job.metricId(),
          job.definitionVersion(), job.published() + published, total, after * 10);
    }
  }

  private static void done(HistoryJob job, int windows, int chunks) {
    Log.infof("history done metric=%s version=%s windows=%d chunks=%d from=%s to=%s ms=%d", job.metricId(),
        job.definitionVersion(), windows, chunks, job.historyEnd().minus(job.period().multipliedBy(windows)),
        job.historyEnd(), Duration.between(job.createdAt(), Instant.now()).toMillis());
  }

  private static int between(Instant from, Instant to, Duration period) {
    return (int) (Duration.between(from, to).getSeconds() / period.getSeconds());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
