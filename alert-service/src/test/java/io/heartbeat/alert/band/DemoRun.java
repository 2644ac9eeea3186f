package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.SplittableRandom;

/** One demo heartbeat minute by minute: its band and breach, and the rolling-hour baseline beside it. */
final class DemoRun {

  final DemoSeries metric;
  final SplittableRandom random;
  AnomalyBand band;
  Breach breach = Breach.CLEAR;
  final BreachTracker tracker;
  final RollingBand baseline = new RollingBand(60, 3.0);
  Breach baselineBreach = Breach.CLEAR;

  DemoRun(DemoSeries metric, SplittableRandom random) {
    this.metric = metric;
    this.random = random;
    this.band = AnomalyBand.start(BandSettings.of(60, 3.0, 1440));
    this.tracker = new BreachTracker(DemoBenchmark.TRIGGER, DemoBenchmark.RECOVERY, metric.badSide());
  }

  /** A run continuing from another one's learned state (through a serialized snapshot, as after a restart). */
  DemoRun(DemoRun from, SplittableRandom random) {
    this(from.metric, random);
    this.band = AnomalyBand.restore(BandState.fromBytes(from.band.snapshot().toBytes()));
    this.breach = from.breach;
    this.baseline.copyFrom(from.baseline);
    this.baselineBreach = from.baselineBreach;
  }

  record Tick(Instant at, double value, BandStep step, boolean paged, boolean baselinePaged) {
  }

  Tick tick(int minute, double keep) {
    Instant at = DemoBenchmark.START.plusSeconds(60L * minute);
    double value = metric.value(at, keep, random);
    BandStep step = band.observe(at, value);
    breach = tracker.step(breach, step.position().orElse(null));
    baselineBreach = tracker.step(baselineBreach, baseline.observe(value));
    return new Tick(at, value, step, breach.fired(), baselineBreach.fired());
  }
}
