package io.heartbeat.alert.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.judge.History;
import io.heartbeat.alert.judge.SeriesState;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.SeriesSnapshot;
import io.heartbeat.alert.model.StoredSeries;
import io.quarkus.logging.Log;

/** Writes a series' state for alert.series_state and reads it back under the metric now in force. */
@ApplicationScoped
public class SeriesCodec {

  private final ObjectMapper mapper;
  private final SeriesBands bands;

  public SeriesCodec(ObjectMapper mapper, SeriesBands bands) {
    this.mapper = mapper;
    this.bands = bands;
  }

  public SeriesState fresh(Metric metric) {
    return SeriesState.fresh(metric.periodSeconds(), metric.direction(), bands.create(metric));
  }

  public StoredSeries write(SeriesState state) {
    SeriesSnapshot snapshot = new SeriesSnapshot(state.periodSeconds(), state.direction().wire(),
        state.lastWindowStart(), state.history().windowStarts(), state.history().values(),
        state.band() == null ? null : bands.breach(state.band()), state.episode().snapshot(), state.redStart(),
        state.redEnd(), state.staleWindow());
    try {
      return new StoredSeries(mapper.writeValueAsString(snapshot),
          state.band() == null ? null : bands.save(state.band()));
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
      return new SeriesState(s.periodSeconds(), metric.direction(), s.lastWindowStart(),
          History.restore(SeriesState.TYPICAL_WINDOWS, s.windowStarts(), s.values()),
          bands.restore(metric, stored.band(), s.breach()), EpisodeTracker.restore(s.episode()), s.redStart(),
          s.redEnd(), s.staleWindow());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Log.warnf("Series state unreadable, starting over metricId=%s series=%s reason=%s", key.metricId(),
          key.series(), e.getMessage());
      return fresh(metric);
    }
  }
}
