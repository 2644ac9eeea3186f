package io.heartbeat.alert.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.episode.AlertEpisode;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.episode.Transition;
import io.heartbeat.alert.judge.Criteria;
import io.heartbeat.alert.judge.Judge;
import io.heartbeat.alert.judge.Outcome;
import io.heartbeat.alert.judge.Reading;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.HistoryMark;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.LastObservation;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.ObservationError;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.repository.DowntimeRepository;
import io.heartbeat.alert.series.SeriesJudge;
import io.heartbeat.alert.series.SeriesJudge.Mode;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.series.Verdict;
import io.heartbeat.alert.sla.Downtime;
import io.quarkus.logging.Log;

/**
 * Judges a batch in memory, in arrival order, against the cached series states, and gathers what to write: the
 * evaluations, the episode steps with their alerts, downtime intervals, last arrivals and the series moved. History
 * windows are learned in order (the total's evaluation says how far the learning got) and change no episode, page or
 * ledger. A metric whose lifecycle stage is not judged (discovery, retired) gets nothing at all. CPU only.
 */
@ApplicationScoped
public class BatchJudgement {

  private final ObjectMapper mapper;
  private final SeriesCodec codec;

  public BatchJudgement(ObjectMapper mapper, SeriesCodec codec) {
    this.mapper = mapper;
    this.codec = codec;
  }

  void judge(List<Written<ObservationEvent>> arrivals, Map<String, Metric> metrics,
      Map<SeriesKey, SeriesState> states, Instant now, BatchOutcome out) {
    Map<SeriesKey, SeriesState> moved = new HashMap<>();
    for (Written<ObservationEvent> arrival : arrivals) {
      ObservationEvent observation = arrival.event();
      Metric metric = metrics.get(observation.metricId());
      if (metric == null) {
        // Kept until the definition arrives, then judged again under it (a new id). History says nothing yet.
        Written<ObservationEvent> kept = arrival.json() == null ? new Written<>(observation, json(observation))
            : arrival;
        if (observation.fromHistory()) {
          if (out.pendingIds.add(observation.id())) {
            out.pending.add(kept);
          }
          continue;
        }
        EvaluationEvent event = EvaluationEvent.undefined(observation, Judge.judge(reading(observation), null), now);
        if (out.addEvaluation(write(event))) {
          out.pending.add(kept);
        }
        continue;
      }
      if (!metric.lifecycle().judged()) {
        // compute-service computes no such metric; a window computed before the move is dropped, not judged.
        Log.debugf("Observation not judged metricId=%s stage=%s windowStart=%s", metric.metricId(), metric.stage(),
            observation.windowStart());
        continue;
      }
      SeriesKey key = SeriesKey.of(metric.metricId(), observation.dimension());
      SeriesState state = states.get(key);
      HistoryMark history = observation.history();
      if (history != null && !observation.definitionVersion().equals(state.historyVersion())) {
        // The first window of a new history (first seen, or value_sql or period changed): learn it from scratch.
        state = codec.relearn(metric, state, observation.definitionVersion());
        states.put(key, state);
        moved.put(key, state);
      }
      boolean late = state.isLate(observation.windowStart());
      Verdict verdict = SeriesJudge.judge(state, settings(metric, key), reading(observation),
          observation.windowStart(), observation.windowEnd(), history == null ? Mode.LIVE : Mode.HISTORY);
      if (history != null) {
        if (!late) {
          moved.put(key, state);
        }
        // A dimension's history is learned only; the total's is published, so its progress shows.
        if (key.total()) {
          out.addEvaluation(write(EvaluationEvent.judged(observation, metric, verdict, now, progress(history))));
        }
        continue;
      }
      EvaluationEvent event = EvaluationEvent.judged(observation, metric, verdict, now);
      if (!out.addEvaluation(write(event)) || late) {
        continue;
      }
      moved.put(key, state);
      if (key.total()) {
        out.lastObservations.merge(metric.metricId(),
            new LastObservation(observation.id(), observation.windowEnd(), now),
            (a, b) -> b.windowEnd().isAfter(a.windowEnd()) ? b : a);
      }
      if (verdict.transition() != null) {
        addStep(out, verdict.transition(), metric, key, event, now);
      }
      if (verdict.downtime() != null) {
        out.downtime.put(metric.metricId() + "|" + verdict.downtime().start(),
            new DowntimeRepository.Entry(verdict.downtime(), metric.slas()));
      }
    }
    out.moved.putAll(moved);
  }

  /** "learning history: 6,120 of 20,160 windows; " or, on the last one, "history learned: 20,160 windows; ". */
  static String progress(HistoryMark history) {
    return history.ends()
        ? String.format(Locale.ROOT, "history learned: %,d windows; ", history.windows())
        : String.format(Locale.ROOT, "learning history: %,d of %,d windows; ", history.window() + 1,
            history.windows());
  }

  /** The stale verdict of a metric total: its evaluation, and the episode step it causes. */
  void stale(Metric metric, SeriesKey key, SeriesState state, EvaluationEvent event, Instant now, BatchOutcome out) {
    out.addEvaluation(write(event));
    Transition step = SeriesJudge.stale(state, metric.anomaly(), metric.lifecycle(), event.windowStart(),
        event.windowEnd());
    if (step != null) {
      addStep(out, step, metric, key, event, now);
    }
  }

  /** A silence already judged stale goes on: its downtime grows to until (metric totals). */
  void silence(Metric metric, SeriesKey key, SeriesState state, Instant silenceStart, Instant until,
      BatchOutcome out) {
    if (!key.total()) {
      return;
    }
    Downtime downtime = SeriesJudge.staleDowntime(state, metric.metricId(), metric.lifecycle(), silenceStart, until);
    if (downtime == null) {
      return;
    }
    out.downtime.put(metric.metricId() + "|" + downtime.start(), new DowntimeRepository.Entry(downtime, metric.slas()));
  }

  /** Resolves a series' firing episode for a reason outside its windows; true when there was one. */
  boolean close(Metric metric, SeriesKey key, SeriesState state, String reason, Instant now, BatchOutcome out) {
    Transition step = SeriesJudge.close(state, now, reason);
    if (step == null) {
      return false;
    }
    EvaluationEvent last = EvaluationEvent.closing(metric, key, now, reason);
    addStep(out, step, metric, key, last, now);
    return true;
  }

  private void addStep(BatchOutcome out, Transition step, Metric metric, SeriesKey key, EvaluationEvent evaluation,
      Instant now) {
    String dedupKey = EpisodeTracker.dedupKey(metric.metricId(), key.series(), step.episodeStart());
    AlertEvent alert = AlertEvent.of(step, dedupKey, metric, evaluation, now);
    out.alerts.add(new Written<>(alert, json(alert)));
    String kind = evaluation.dimension() == null ? null : evaluation.dimension().kind();
    String value = evaluation.dimension() == null ? null : evaluation.dimension().value();
    out.episodes.put(dedupKey, AlertEpisode.after(out.episodes.get(dedupKey), step, dedupKey, metric.metricId(),
        kind, value));
  }

  // Thresholds and the benchmark belong to the metric total; a dimension is judged by its band only.
  private static SeriesJudge.Settings settings(Metric metric, SeriesKey key) {
    boolean total = key.total();
    Criteria criteria = total ? metric.criteria() : Criteria.bandOnly(metric.direction());
    return new SeriesJudge.Settings(metric.metricId(), key.series(), criteria.withMinCount(metric.minCount()),
        metric.anomaly(), metric.periodSeconds(),
        total ? metric.benchmarkMean() : null, total ? metric.benchmarkStddev() : null, metric.lifecycle());
  }

  static Reading reading(ObservationEvent observation) {
    ObservationError error = observation.error();
    String message = error == null ? null
        : error.sqlState() == null ? error.message() : error.message() + " (sqlState " + error.sqlState() + ")";
    return new Reading(Outcome.fromWire(observation.status()), observation.value(), message, observation.count());
  }

  Written<EvaluationEvent> written(EvaluationEvent event) {
    return write(event);
  }

  private Written<EvaluationEvent> write(EvaluationEvent event) {
    return new Written<>(event, json(event));
  }

  private String json(Object event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event cannot be written as JSON", e);
    }
  }
}
