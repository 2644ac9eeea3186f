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
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.judge.Staleness;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.repository.LastObservationRepository.Watched;
import io.heartbeat.alert.repository.EpisodeRepository;
import io.heartbeat.alert.repository.PendingObservationRepository;
import io.heartbeat.alert.repository.SeriesStateRepository;
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
  private final EpisodeRepository episodes;
  private final SeriesStateRepository dimensions;
  private final ObjectMapper mapper;
  private final Clock clock;
  private CompletableFuture<Set<String>> lastWrite = CompletableFuture.completedFuture(Set.of());

  public EvaluationService(MetricCatalog catalog, SeriesCache cache, BatchJudgement judgement, WritePipeline writes,
      Checkpoint checkpoint, PendingObservationRepository pending, EpisodeRepository episodes,
      SeriesStateRepository dimensions, ObjectMapper mapper, Clock clock) {
    this.episodes = episodes;
    this.dimensions = dimensions;
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
        ObservationEvent observation = read(metric.metricId(), json);
        if (observation != null) {
          waiting.add(new Written<>(observation, json));
          ids.add(observation.id());
        }
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

  /**
   * Publishes the stale verdict for a metric that stopped beating and moves its episode; true when it is new. Later
   * checks of the same silence publish nothing and extend its downtime.
   */
  public Uni<Boolean> markStale(Watched watched, int missedPeriods) {
    Metric metric = watched.metric();
    if (!metric.lifecycle().judged()) {
      return Uni.createFrom().item(false);
    }
    SeriesKey key = new SeriesKey(metric.metricId(), SeriesKey.TOTAL);
    return lane.submit(() -> cache.load(List.of(key), Map.of(metric.metricId(), metric)).chain(states -> {
      SeriesState state = states.get(key);
      Instant now = now();
      Instant expectedStart = watched.last().windowEnd();
      // A batch judged on the lane since the check read the table may have ended the silence already.
      if (state.lastWindowStart() != null
          && !Staleness.isStale(state.lastWindowStart().plusSeconds(metric.periodSeconds()), now,
              metric.periodSeconds(), missedPeriods)) {
        return Uni.createFrom().item(false);
      }
      BatchOutcome out = new BatchOutcome();
      Instant firstEnd = expectedStart.plusSeconds(metric.periodSeconds());
      judgement.silence(metric, key, state, expectedStart, now.isAfter(firstEnd) ? now : firstEnd, out);
      cache.moved(key, state);
      // The silence is identified by its first missing window: later ticks of the same silence publish nothing.
      if (!state.noteStale(expectedStart)) {
        write(out, now, Map.of());
        return Uni.createFrom().item(false);
      }
      Judgement verdict = Staleness.stale(watched.last().observedAt(), expectedStart, missedPeriods);
      EvaluationEvent event = EvaluationEvent.stale(metric, watched.last(), verdict, now);
      judgement.stale(metric, key, state, event, now, out);
      // No checkpoint needed: after a crash the same silence is judged stale again, with the same ids.
      return staleDimensions(metric, event, out)
          .chain(() -> Uni.createFrom().completionStage(write(out, now, Map.of())))
          .map(fresh -> fresh.contains(event.id()));
    }));
  }

  // The metric's dimension series go stale with it: the drill-down shows the silence too. One silence is one page:
  // the total's episode pages, each slice only says stale.
  private Uni<Void> staleDimensions(Metric metric, EvaluationEvent total, BatchOutcome out) {
    return dimensions.dimensionsOf(metric.metricId()).invoke(keys -> keys.forEach(
        key -> out.addEvaluation(judgement.written(EvaluationEvent.staleDimension(total, metric, key)))))
        .replaceWithVoid();
  }

  /**
   * Resolves every open episode of the metric, with the reason (removed, retired, moved to a stage without episodes,
   * period or direction changed): an episode is never left firing for a series nobody judges any more. Nothing happens when reason or metric is null.
   */
  public Uni<Void> closeEpisodes(Metric metric, String reason) {
    if (metric == null || reason == null) {
      return Uni.createFrom().voidItem();
    }
    return lane.submit(() -> episodes.openSeries(metric.metricId())
        .chain(keys -> keys.isEmpty() ? Uni.createFrom().voidItem()
            : cache.load(keys, Map.of(metric.metricId(), metric)).chain(states -> {
              Instant now = now();
              BatchOutcome out = new BatchOutcome();
              for (SeriesKey key : keys) {
                SeriesState state = states.get(key);
                if (judgement.close(metric, key, state, reason, now, out)) {
                  cache.moved(key, state);
                  Log.infof("Episode resolved metricId=%s series=%s reason=%s", metric.metricId(), key.series(),
                      reason);
                }
              }
              return Uni.createFrom().completionStage(write(out, now, Map.of()))
                  .chain(ignored -> checkpointInLane());
            })));
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

  // An unreadable waiting observation is logged and left where it is: it must not stop the definitions channel.
  private ObservationEvent read(String metricId, String json) {
    try {
      return mapper.readValue(json, ObservationEvent.class);
    } catch (Exception e) {
      Log.errorf("Waiting observation unreadable, left in alert.pending_observation metricId=%s reason=%s", metricId,
          e.getMessage());
      return null;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
