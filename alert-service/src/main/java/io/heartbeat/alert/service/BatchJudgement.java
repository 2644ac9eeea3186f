package io.heartbeat.alert.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
import io.heartbeat.alert.judge.SeriesJudge;
import io.heartbeat.alert.judge.SeriesState;
import io.heartbeat.alert.judge.Verdict;
import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.LastObservation;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.ObservationError;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.repository.DowntimeRepository;

/**
 * Judges a batch in memory, in arrival order, against the cached series states, and gathers what to write: the
 * evaluations, the episode steps with their alerts, red intervals, last arrivals and the series moved. CPU only.
 */
@ApplicationScoped
public class BatchJudgement {

  private final ObjectMapper mapper;

  public BatchJudgement(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void judge(List<Written<ObservationEvent>> arrivals, Map<String, Metric> metrics,
      Map<SeriesKey, SeriesState> states, Instant now, BatchOutcome out) {
    Map<SeriesKey, SeriesState> moved = new HashMap<>();
    for (Written<ObservationEvent> arrival : arrivals) {
      ObservationEvent observation = arrival.event();
      Metric metric = metrics.get(observation.metricId());
      if (metric == null) {
        // Kept until the definition arrives, then judged again under it (a new id).
        EvaluationEvent event = EvaluationEvent.undefined(observation, Judge.judge(reading(observation), null), now);
        if (out.addEvaluation(write(event))) {
          out.pending.add(arrival);
        }
        continue;
      }
      SeriesKey key = SeriesKey.of(metric.metricId(), observation.dimension());
      SeriesState state = states.get(key);
      boolean late = state.isLate(observation.windowStart());
      Verdict verdict = SeriesJudge.judge(state, settings(metric, key), reading(observation),
          observation.windowStart(), observation.windowEnd());
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
      if (verdict.red() != null) {
        out.downtime.put(metric.metricId() + "|" + verdict.red().start(),
            new DowntimeRepository.Entry(verdict.red(), metric.slas()));
      }
    }
    out.moved.putAll(moved);
  }

  /** The stale verdict of a metric total: its evaluation, and the episode step it causes. */
  void stale(Metric metric, SeriesKey key, SeriesState state, EvaluationEvent event, Instant now, BatchOutcome out) {
    out.addEvaluation(write(event));
    Transition step = SeriesJudge.stale(state, metric.anomaly(), event.windowStart(), event.windowEnd());
    if (step != null) {
      addStep(out, step, metric, key, event, now);
    }
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
    return new SeriesJudge.Settings(metric.metricId(), key.series(),
        total ? metric.criteria() : Criteria.bandOnly(metric.direction()), metric.anomaly(), metric.periodSeconds(),
        total ? metric.benchmarkMean() : null, total ? metric.benchmarkStddev() : null);
  }

  static Reading reading(ObservationEvent observation) {
    ObservationError error = observation.error();
    String message = error == null ? null
        : error.sqlState() == null ? error.message() : error.message() + " (sqlState " + error.sqlState() + ")";
    return new Reading(Outcome.fromWire(observation.status()), observation.value(), message);
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
