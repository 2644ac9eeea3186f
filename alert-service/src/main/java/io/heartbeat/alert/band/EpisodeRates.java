package io.heartbeat.alert.band;

/**
 * How often a series' episodes reached a strength (in band sigmas), per day, over a memory of about MEMORY_DAYS:
 * a decayed count per strength bin (1.25x apart from the sensitivity up) and the decayed days judged. A series
 * without a direction that fires an episode this strong more than every other day shows its normal (recurring
 * spikes), not an anomaly. O(1) per window, 16 floats and a double.
 */
final class EpisodeRates {

  static final int BINS = 16;
  static final double STEP = 1.25;
  static final double MEMORY_DAYS = 7;
  /** Episodes at least this strong per day above which one more is common. */
  static final double COMMON_PER_DAY = 0.5;

  final float[] counts = new float[BINS];
  double days;

  /** Ages the counts by one judged window of this many seconds. */
  void tick(long periodSeconds) {
    double window = periodSeconds / 86_400.0;
    double keep = Math.exp(-window / MEMORY_DAYS);
    for (int i = 0; i < BINS; i++) {
      counts[i] *= (float) keep;
    }
    days = days * keep + window;
  }

  static int bin(double strength, double sensitivity) {
    double position = Math.log(Math.max(strength / sensitivity, 1)) / Math.log(STEP);
    return (int) Math.min(BINS - 1, Math.floor(position));
  }

  /** Earlier episodes per day at least about this strong (those in its bin and above), over at least a day. */
  double rate(double strength, double sensitivity) {
    double n = 0;
    for (int i = bin(strength, sensitivity); i < BINS; i++) {
      n += counts[i];
    }
    return n / Math.max(days, 1);
  }

  /** Records an episode of this strength; true when such episodes were already common before it. */
  boolean record(double strength, double sensitivity) {
    boolean common = rate(strength, sensitivity) >= COMMON_PER_DAY;
    counts[bin(strength, sensitivity)]++;
    return common;
  }
}
