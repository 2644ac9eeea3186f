package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One demo metric minute by minute through the shipped detector ({@link Detector} from
 * {@link DetectorSettings#defaults}(60, the metric's bad side)), and the rolling-hour baseline beside it with the
 * same trigger. A window without a value (the failure ratio below its min_count) is skipped, as live.
 */
final class DemoRun {

  final DemoSeries metric;
  final SplittableRandom random;
  final DetectorSettings settings;
  Detector detector;
  final BreachTracker baselineTracker;
  final RollingBand baseline = new RollingBand(60, DetectorSettings.SENSITIVITY);
  Breach baselineBreach = Breach.CLEAR;
  Detection last;

  DemoRun(DemoSeries metric, SplittableRandom random) {
    this.metric = metric;
    this.random = random;
    this.settings = DetectorSettings.defaults(60, metric.badSide());
    this.detector = Detector.start(settings);
    this.baselineTracker = settings.tracker();
  }

  /** A run continuing from another one's learned state (through its saved bytes, as after a restart). */
  DemoRun(DemoRun from, SplittableRandom random) {
    this(from.metric, random);
    this.detector = Detector.restore(settings, from.detector.save(), from.detector.breach());
    this.baseline.copyFrom(from.baseline);
    this.baselineBreach = from.baselineBreach;
  }

  Breach breach() {
    return detector.breach();
  }

  record Tick(Instant at, double value, Detection detection, boolean paged, boolean baselinePaged) {
  }

  Tick tick(int minute, double keep) {
    Instant at = DemoBenchmark.START.plusSeconds(60L * minute);
    double value = metric.value(at, keep, random);
    if (Double.isNaN(value)) {
      return new Tick(at, value, null, false, false);
    }
    last = detector.observe(at, value, false);
    baselineBreach = baselineTracker.step(baselineBreach, baseline.observe(value));
    return new Tick(at, value, last, last.breach().fired(), baselineBreach.fired());
  }

  /** A value set by the caller (an outage, a shift) instead of a drawn one. */
  Tick tickValue(int minute, double value) {
    Instant at = DemoBenchmark.START.plusSeconds(60L * minute);
    metric.value(at, 1.0, random); // keep the random stream aligned with a run without the edit
    last = detector.observe(at, value, false);
    baselineBreach = baselineTracker.step(baselineBreach, baseline.observe(value));
    return new Tick(at, value, last, last.breach().fired(), baselineBreach.fired());
  }
}
