package io.heartbeat.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.judge.Judgement;
import io.heartbeat.alert.judge.SeriesState;
import io.heartbeat.alert.judge.Staleness;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.repository.LastObservationRepository.Watched;
import io.heartbeat.alert.repository.PendingObservationRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Judges observations in batches on the judgement lane (one unit at a time: batches, definition changes and stale
 * verdicts move the same series states and must never interleave; each metric keeps its order). Definitions and
 * states come from memory (PostgreSQL on a miss), judging runs on a worker thread, writes go to the WritePipeline in
 * judged order, and a checkpoint writes the moved states when due.
 */
@ApplicationScoped
public class EvaluationService {

  private final SerialLane lane = new SerialLane();
  private final MetricCatalog catalog;
  private final SeriesCache cache;
  private final BatchJudgement judgement;
  private final WritePipeline writes;
  private final Checkpoint checkpoint;
  private final PendingObservationRepository pending;
  private final ObjectMapper mapper;
  private final Clock clock;
  private CompletableFuture<Set<String>> lastWrite = CompletableFuture.completedFuture(Set.of());

  public EvaluationService(MetricCatalog catalog, SeriesCache cache, BatchJudgement judgement, WritePipeline writes,
      Checkpoint checkpoint, PendingObservationRepository pending, ObjectMapper mapper, Clock clock) {
    this.catalog = catalog;
    this.cache = cache;
    this.judgement = judgement;
    this.writes = writes;
    this.checkpoint = checkpoint;
    this.pending = pending;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Judges observations in arrival order (each with the JSON it arrived as, kept if its definition is unknown). It
   * completes once they are judged and the previous batch is written, so one write overlaps the next judging; next
   * holds the offsets after the batch, committed by the checkpoint that covers it.
   */
  public Uni<Void> judge(List<Written<ObservationEvent>> arrivals, Map<TopicPartition, Long> next) {
    return lane.submit(() -> {
      CompletableFuture<Set<String>> previous = lastWrite;
      return judgeInLane(arrivals, Set.of(), next)
          .chain(() -> checkpoint.due() ? checkpointInLane() : Uni.createFrom().voidItem())
          .chain(() -> Uni.createFrom().completionStage(previous))
          .replaceWithVoid();
    });
  }

  /** A definition is in force: later batches use it, and observations that waited for it are judged now. */
  public Uni<Void> definitionChanged(Metric metric) {
    // Checkpoint first: the metric's states are read back under the new definition (settings, period).
    return lane.submit(() -> checkpointInLane().chain(() -> {
      catalog.put(metric);
      cache.evictMetric(metric.metricId());
      return pending.list(metric.metricId());
    }).chain(payloads -> {
      List<Written<ObservationEvent>> waiting = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (String json : payloads) {
        ObservationEvent observation = read(json);
        waiting.add(new Written<>(observation, json));
        ids.add(observation.id());
      }
      return waiting.isEmpty() ? Uni.createFrom().voidItem()
          : judgeInLane(waiting, ids, Map.of()).chain(this::checkpointInLane);
    }));
  }

  public Uni<Void> definitionRemoved(String metricId) {
    return lane.submit(() -> checkpointInLane().invoke(() -> {
      catalog.remove(metricId);
      cache.evictMetric(metricId);
    }));
  }

  /** Publishes the stale verdict for a metric that stopped beating and moves its episode; true when it is new. */
  public Uni<Boolean> markStale(Watched watched, int missedPeriods) {
    Metric metric = watched.metric();
    SeriesKey key = new SeriesKey(metric.metricId(), SeriesKey.TOTAL);
    return lane.submit(() -> cache.load(List.of(key), Map.of(metric.metricId(), metric)).chain(states -> {
      SeriesState state = states.get(key);
      Instant expectedStart = watched.last().windowEnd();
      // The silence is identified by its first missing window: later ticks of the same silence do nothing.
      if (!state.noteStale(expectedStart)) {
        return Uni.createFrom().item(false);
      }
      Instant now = now();
      Judgement verdict = Staleness.stale(watched.last().observedAt(), expectedStart, missedPeriods);
      EvaluationEvent event = EvaluationEvent.stale(metric, watched.last(), verdict, now);
      BatchOutcome out = new BatchOutcome();
      judgement.stale(metric, key, state, event, now, out);
      cache.moved(key, state);
      // No checkpoint needed: after a crash the same silence is judged stale again, with the same ids.
      return Uni.createFrom().completionStage(write(out, now, Map.of())).map(fresh -> fresh.contains(event.id()));
    }));
  }

  /** Runs a checkpoint now (also run when due, on a timer and at shutdown). */
  public Uni<Void> checkpoint() {
    return lane.submit(this::checkpointInLane);
  }

  /** Runs a checkpoint if one is due (the timer's call: the last batches of a quiet period get covered too). */
  public Uni<Void> checkpointIfDue() {
    return lane.submit(() -> checkpoint.due() ? checkpointInLane() : Uni.createFrom().voidItem());
  }

  /** What a graceful restart does: checkpoint, then forget every definition and state held in memory. */
  public Uni<Void> restart() {
    return lane.submit(() -> checkpointInLane().invoke(() -> {
      checkpoint.forget();
      catalog.forget();
    }));
  }

  /** What a crash does to memory (for tests): whatever the last checkpoint does not hold is gone. */
  Uni<Void> dropMemory() {
    return lane.submit(() -> writes.drained().invoke(() -> {
      checkpoint.forget();
      catalog.forget();
    }));
  }

  // States are written only after the writes of the batches they include: a replay must find those written.
  private Uni<Void> checkpointInLane() {
    return writes.drained().chain(() -> {
      if (writes.broken() != null) {
        checkpoint.forget();
        catalog.forget();
        return Uni.createFrom().failure(writes.broken());
      }
      return checkpoint.run();
    });
  }

  private Uni<Void> judgeInLane(List<Written<ObservationEvent>> arrivals, Set<String> pendingDone,
      Map<TopicPartition, Long> next) {
    if (writes.broken() != null) {
      // The memory went past what could be written: drop it and fail, so the channel stops and a restart replays.
      checkpoint.forget();
      catalog.forget();
      return Uni.createFrom().failure(writes.broken());
    }
    if (arrivals.isEmpty()) {
      // Nothing readable in the poll: still written (an empty unit) so its offsets can be committed.
      write(new BatchOutcome(), now(), next);
      return Uni.createFrom().voidItem();
    }
    Set<String> metricIds = new LinkedHashSet<>();
    arrivals.forEach(a -> metricIds.add(a.event().metricId()));
    return catalog.resolve(metricIds)
        .chain(metrics -> {
          Set<SeriesKey> keys = new LinkedHashSet<>();
          for (Written<ObservationEvent> a : arrivals) {
            if (metrics.containsKey(a.event().metricId())) {
              keys.add(SeriesKey.of(a.event().metricId(), a.event().dimension()));
            }
          }
          return cache.load(keys, metrics)
              // Judging and writing JSON is CPU work: off the event loop.
              .emitOn(Infrastructure.getDefaultWorkerPool())
              .map(states -> {
                long started = System.nanoTime();
                BatchOutcome out = new BatchOutcome();
                out.pendingDone.addAll(pendingDone);
                judgement.judge(arrivals, metrics, states, now(), out);
                out.moved.forEach(cache::moved);
                Log.debugf("Batch judged observations=%d loaded=%d ms=%.1f", (Object) arrivals.size(), keys.size(),
                    (System.nanoTime() - started) / 1e6);
                return out;
              });
        })
        .invoke(out -> write(out, now(), next))
        .replaceWithVoid();
  }

  private CompletableFuture<Set<String>> write(BatchOutcome out, Instant now, Map<TopicPartition, Long> next) {
    lastWrite = writes.enqueue(out, now, next);
    return lastWrite;
  }

  private ObservationEvent read(String json) {
    try {
      return mapper.readValue(json, ObservationEvent.class);
    } catch (Exception e) {
      throw new IllegalStateException("stored observation is not readable", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
