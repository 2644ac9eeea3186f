package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.repository.SliceRepository;

/**
 * One poll of heartbeat.evaluations reduced to what the read model writes: per metric the newest evaluation (the tile
 * candidate), per window the latest judgement (the point). A history burst brings thousands of windows per metric in
 * one poll; the tile is written once per metric and the points with one statement, which also needs each row once.
 */
final class EvaluationBatch {

  private final List<EvaluationEvent> events;
  private final Map<String, EvaluationEvent> newest = new LinkedHashMap<>();
  private final Map<String, EvaluationEvent> points = new LinkedHashMap<>();
  private final Map<String, EvaluationEvent> slices = new LinkedHashMap<>();

  /** Reduces the events; points whose window started before pointsSince are left out, as the pruner would drop them. */
  EvaluationBatch(List<EvaluationEvent> events, Instant pointsSince) {
    this.events = events;
    for (EvaluationEvent e : events) {
      if (!e.metricLevel()) {
        if (!e.windowStart().isBefore(pointsSince)) {
          slices.merge(e.metricId() + "|" + SliceRepository.series(e.dimension()) + "|" + e.windowStart(), e,
              (kept, next) -> next.evaluatedAt().isAfter(kept.evaluatedAt()) ? next : kept);
        }
        continue;
      }
      newest.merge(e.metricId(), e, (kept, next) -> newer(next, kept) ? next : kept);
      if (!e.windowStart().isBefore(pointsSince)) {
        points.merge(e.metricId() + "|" + e.windowStart(), e,
            (kept, next) -> next.evaluatedAt().isAfter(kept.evaluatedAt()) ? next : kept);
      }
    }
  }

  /** The tile rule: a later window, or a later judgement of the same window; a tie keeps what came first. */
  static boolean newer(EvaluationEvent candidate, EvaluationEvent current) {
    int byWindow = candidate.windowStart().compareTo(current.windowStart());
    return byWindow > 0 || (byWindow == 0 && candidate.evaluatedAt().isAfter(current.evaluatedAt()));
  }

  /** Per metric, the newest evaluation of the batch. */
  Collection<EvaluationEvent> tiles() {
    return newest.values();
  }

  /** One evaluation per (metric, window) inside the retention, the latest judged. */
  Collection<EvaluationEvent> points() {
    return points.values();
  }

  /** One evaluation per (metric, slice, window) inside the retention, the latest judged. */
  Collection<EvaluationEvent> slices() {
    return slices.values();
  }

  /**
   * What each event did, given the metrics whose stored tile changed: the newest of a changed metric is applied,
   * every other metric-level event superseded (its point is still written), dimension slices kept as slice points.
   */
  Map<Outcome, Integer> outcomes(Set<String> changedMetrics) {
    Set<EvaluationEvent> applied = Collections.newSetFromMap(new IdentityHashMap<>());
    newest.forEach((metricId, e) -> {
      if (changedMetrics.contains(metricId)) {
        applied.add(e);
      }
    });
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (EvaluationEvent e : events) {
      Outcome outcome = !e.metricLevel() ? Outcome.SLICE : applied.contains(e) ? Outcome.APPLIED : Outcome.SUPERSEDED;
      counts.merge(outcome, 1, Integer::sum);
    }
    return counts;
  }

  /** True when the batch writes nothing: no metric-level evaluation and no slice point inside the retention. */
  boolean empty() {
    return newest.isEmpty() && slices.isEmpty();
  }
}
