package io.heartbeat.alert.band;

/**
 * One running mean per seasonal slot: an exact mean over the first visits, then an exponentially weighted one
 * whose steps are clipped (a Huber-style update), so one wild value moves a slot by a bounded amount.
 */
final class SlotMeans {

  final float[] means;
  final short[] counts;
  /** Consecutive visits held out, signed by side (+ above, - below); a slot whose pattern changed re-learns. */
  final byte[] misses;

  SlotMeans(int slots) {
    this(new float[slots], new short[slots], new byte[slots]);
  }

  SlotMeans(float[] means, short[] counts, byte[] misses) {
    if (means.length != counts.length || means.length != misses.length) {
      throw new IllegalArgumentException("slot arrays differ in length: " + means.length + ", " + counts.length
          + ", " + misses.length);
    }
    this.means = means;
    this.counts = counts;
    this.misses = misses;
  }

  double mean(int slot) {
    return means[slot];
  }

  int count(int slot) {
    return counts[slot];
  }

  /** Learns one value; clip <= 0 means unclipped (while the scale is still unknown). */
  void learn(int slot, double value, double clip, double minRate) {
    int n = counts[slot];
    if (n == 0) {
      means[slot] = (float) value;
      counts[slot] = 1;
      return;
    }
    double step = value - means[slot];
    if (clip > 0) {
      step = Math.max(-clip, Math.min(clip, step));
    }
    means[slot] += (float) (Math.max(1.0 / (n + 1), minRate) * step);
    if (n < Short.MAX_VALUE) {
      counts[slot] = (short) (n + 1);
    }
  }

  /**
   * Records a held-out visit of residual on this slot; once the slot was off on the same side for limit visits in a
   * row, its mean moves by the residual (the pattern changed there) and true is returned.
   */
  boolean miss(int slot, double residual, int limit) {
    int side = residual > 0 ? 1 : -1;
    int run = misses[slot] * side > 0 ? Math.abs(misses[slot]) + 1 : 1;
    if (run >= limit) {
      means[slot] += (float) residual;
      misses[slot] = 0;
      return true;
    }
    misses[slot] = (byte) (side * Math.min(run, Byte.MAX_VALUE));
    return false;
  }

  void hit(int slot) {
    misses[slot] = 0;
  }
}
