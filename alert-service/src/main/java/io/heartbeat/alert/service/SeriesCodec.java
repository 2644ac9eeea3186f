package io.heartbeat.alert.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.band.Detector;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.judge.History;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.SeriesSnapshot;
import io.heartbeat.alert.model.StoredSeries;
import io.heartbeat.alert.series.SeriesDetectors;
import io.heartbeat.alert.series.SeriesState;
import io.quarkus.logging.Log;

/** Writes a series' state for alert.series_state and reads it back under the metric now in force. */
@ApplicationScoped
public class SeriesCodec {

  private final ObjectMapper mapper;

  public SeriesCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public SeriesState fresh(Metric metric) {
    return SeriesState.fresh(metric.periodSeconds(), metric.direction(),
        SeriesDetectors.create(metric.periodSeconds(), metric.direction(), metric.anomaly()));
  }

  /**
   * A series that starts learning a new history (its value_sql or period changed): a new detector and history,
   * the same episode and downtime interval (an open episode is resolved by its windows, not forgotten).
   */
  public SeriesState relearn(Metric metric, SeriesState before, String historyVersion) {
    return new SeriesState(metric.periodSeconds(), metric.direction(), null,
        new History(SeriesState.TYPICAL_WINDOWS),
        SeriesDetectors.create(metric.periodSeconds(), metric.direction(), metric.anomaly()), before.episode(),
        before.downStart(), before.downEnd(), before.downKind(), before.staleWindow(), historyVersion);
  }

  public StoredSeries write(SeriesState state) {
    Detector detector = state.detector();
    SeriesSnapshot snapshot = new SeriesSnapshot(state.periodSeconds(), state.direction().wire(),
        state.lastWindowStart(), state.history().windowStarts(), state.history().values(),
        detector == null ? null : detector.breach(), state.episode().snapshot(), state.downStart(),
        state.downEnd(), state.staleWindow(), state.downKind(), state.historyVersion());
    try {
      return new StoredSeries(mapper.writeValueAsString(snapshot), detector == null ? null : detector.save());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("series state cannot be written as JSON", e);
    }
  }

  /**
   * The stored state, or a fresh one when there is none, it cannot be read, or it was learned under another period
   * or direction (history in other units would mislead the band and typical).
   */
  public SeriesState read(Metric metric, SeriesKey key, StoredSeries stored) {
    if (stored == null) {
      return fresh(metric);
    }
    try {
      SeriesSnapshot s = mapper.readValue(stored.state(), SeriesSnapshot.class);
      if (s.periodSeconds() != metric.periodSeconds() || Direction.fromWire(s.direction()) != metric.direction()) {
        Log.infof("Series state reset metricId=%s series=%s reason=period or direction changed", key.metricId(),
            key.series());
        return fresh(metric);
      }
      Detector detector;
      try {
        detector = SeriesDetectors.restore(metric.periodSeconds(), metric.direction(), metric.anomaly(),
            stored.band(), s.breach());
      } catch (IllegalArgumentException e) {
        Log.warnf("Band state unreadable, learning again metricId=%s reason=%s", metric.metricId(), e.getMessage());
        detector = SeriesDetectors.create(metric.periodSeconds(), metric.direction(), metric.anomaly());
      }
      return new SeriesState(s.periodSeconds(), metric.direction(), s.lastWindowStart(),
          History.restore(SeriesState.TYPICAL_WINDOWS, s.windowStarts(), s.values()), detector,
          EpisodeTracker.restore(s.episode()), s.redStart(), s.redEnd(),
          s.downKind() == null && s.redStart() != null ? "down" : s.downKind(), s.staleWindow(), s.historyVersion());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Log.warnf("Series state unreadable, starting over metricId=%s series=%s reason=%s", key.metricId(),
          key.series(), e.getMessage());
      return fresh(metric);
    }
  }
}
