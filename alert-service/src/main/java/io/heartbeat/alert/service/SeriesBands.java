package io.heartbeat.alert.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.band.AnomalyBand;
import io.heartbeat.alert.band.BandSettings;
import io.heartbeat.alert.band.BandState;
import io.heartbeat.alert.band.Breach;
import io.heartbeat.alert.judge.LearnedBand;
import io.heartbeat.alert.judge.SeriesBand;
import io.heartbeat.alert.model.Metric;
import io.quarkus.logging.Log;

/**
 * Makes, restores and saves the anomaly band of a series from the metric's anomaly settings: AnomalyBand and its
 * BreachTracker (package band), wrapped as a judge.SeriesBand. A metric with the band disabled has none (null).
 */
@ApplicationScoped
public class SeriesBands {

  /** A new band for a series of the metric, or null when the metric's anomaly band is disabled. */
  public SeriesBand create(Metric metric) {
    if (!metric.anomaly().enabled()) {
      return null;
    }
    return new LearnedBand(AnomalyBand.start(settings(metric)), LearnedBand.tracker(metric.direction(),
        metric.anomaly()), Breach.CLEAR);
  }

  /**
   * The band as saved (bytes from save), under the metric's current settings: what was learned carries over where
   * it still fits. No or unreadable bytes give a new band.
   */
  public SeriesBand restore(Metric metric, byte[] state, Breach breach) {
    if (!metric.anomaly().enabled()) {
      return null;
    }
    if (state == null) {
      return create(metric);
    }
    try {
      AnomalyBand band = AnomalyBand.restore(BandState.fromBytes(state), settings(metric));
      return new LearnedBand(band, LearnedBand.tracker(metric.direction(), metric.anomaly()), breach);
    } catch (IllegalArgumentException e) {
      Log.warnf("Band state unreadable, learning again metricId=%s reason=%s", metric.metricId(), e.getMessage());
      return create(metric);
    }
  }

  /** The band's learned state as bytes for alert.series_state.band, or null without a band. */
  public byte[] save(SeriesBand band) {
    return band instanceof LearnedBand learned ? learned.band().snapshot().toBytes() : null;
  }

  /** The breach tracker's state, kept with the series state, or null without a band. */
  public Breach breach(SeriesBand band) {
    return band instanceof LearnedBand learned ? learned.breach() : null;
  }

  private static BandSettings settings(Metric metric) {
    return BandSettings.of(metric.periodSeconds(), metric.anomaly().sensitivity(),
        metric.anomaly().minHistoryWindows());
  }
}
