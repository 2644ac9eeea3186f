package io.heartbeat.alert.band;

/** The naive baseline: mean +- k standard deviations of the last n values, no seasonality, learns everything. */
final class RollingBand {

  final double[] values;
  final double sensitivity;
  int count;

  RollingBand(int windows, double sensitivity) {
    this.values = new double[windows];
    this.sensitivity = sensitivity;
  }

  /** The position of value in the band of the values before it (null until full), then remembers it. */
  Position observe(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    Position position = null;
    if (count >= values.length) {
      double mean = 0;
      for (double v : values) {
        mean += v;
      }
      mean /= values.length;
      double variance = 0;
      for (double v : values) {
        variance += (v - mean) * (v - mean);
      }
      double half = sensitivity * Math.sqrt(variance / (values.length - 1));
      position = value < mean - half ? Position.BELOW : value > mean + half ? Position.ABOVE : Position.INSIDE;
    }
    values[count++ % values.length] = value;
    return position;
  }

  void copyFrom(RollingBand other) {
    System.arraycopy(other.values, 0, values, 0, values.length);
    count = other.count;
  }
}
