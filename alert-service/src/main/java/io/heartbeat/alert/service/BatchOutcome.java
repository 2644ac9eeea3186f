package io.heartbeat.alert.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heartbeat.alert.episode.AlertEpisode;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.LastObservation;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.repository.DowntimeRepository;

/** Everything one unit of judgement writes in its transaction, gathered in memory first. */
final class BatchOutcome {

  final List<Written<EvaluationEvent>> evaluations = new ArrayList<>();
  final Set<String> evaluationIds = new HashSet<>();
  final List<Written<AlertEvent>> alerts = new ArrayList<>();
  /** The latest form of each episode moved, by dedup key. */
  final Map<String, AlertEpisode> episodes = new LinkedHashMap<>();
  /** Downtime intervals by metricId|start: an interval extended by several windows of the batch is written once. */
  final Map<String, DowntimeRepository.Entry> downtime = new LinkedHashMap<>();
  /** The newest window of each metric total that arrived, for the stale check. */
  final Map<String, LastObservation> lastObservations = new HashMap<>();
  final List<Written<ObservationEvent>> pending = new ArrayList<>();
  final Set<String> pendingDone = new HashSet<>();
  /** Ids of the history observations kept to wait for their definition. */
  final Set<String> pendingIds = new HashSet<>();
  /** The series whose state the unit moved: dirty until the next checkpoint. */
  final Map<SeriesKey, SeriesState> moved = new HashMap<>();

  boolean isEmpty() {
    return evaluations.isEmpty() && alerts.isEmpty() && episodes.isEmpty() && downtime.isEmpty()
        && lastObservations.isEmpty() && pending.isEmpty() && pendingDone.isEmpty();
  }

  /** Adds an evaluation unless the unit already holds one with its id (a duplicate delivery); false then. */
  boolean addEvaluation(Written<EvaluationEvent> evaluation) {
    if (!evaluationIds.add(evaluation.event().id())) {
      return false;
    }
    evaluations.add(evaluation);
    return true;
  }
}
