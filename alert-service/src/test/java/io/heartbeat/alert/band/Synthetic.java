package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Deterministic test series: a daily curve, optional weekends at 45 %, Gaussian noise from a fixed seed. */
final class Synthetic {

  static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  static final long FIVE_MINUTES = 300;
  static final int DAY = 288;
  static final int WEEK = 7 * DAY;

  final SplittableRandom random;
  final double noise;
  final boolean weekends;

  Synthetic(long seed, double noise, boolean weekends) {
    this.random = new SplittableRandom(seed);
    this.noise = noise;
    this.weekends = weekends;
  }

  static Instant at(int window) {
    return MONDAY.plusSeconds(FIVE_MINUTES * window);
  }

  /** The noiseless value: 100 + 50 sin over the day, peaking at 12:00 UTC, 45 % on weekends if asked. */
  double truth(int window) {
    double hours = (window % DAY) / 12.0;
    double daily = 100 + 50 * Math.sin(2 * Math.PI * (hours - 6) / 24);
    boolean weekend = (window / DAY) % 7 >= 5;
    return weekends && weekend ? 0.45 * daily : daily;
  }

  double value(int window) {
    return truth(window) + noise * gaussian();
  }

  double gaussian() {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Feeds windows [from, to) with value(window) through an edit (an outage, a shift) into the band. */
  void feed(AnomalyBand band, int from, int to, DoubleUnaryOperator edit) {
    for (int w = from; w < to; w++) {
      band.learn(at(w), edit.applyAsDouble(value(w)));
    }
  }
}
