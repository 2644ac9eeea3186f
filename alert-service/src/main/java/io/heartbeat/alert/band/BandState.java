package io.heartbeat.alert.band;

import java.util.List;

/**
 * A serializable snapshot of one band (about 5 KB): its settings and everything it learned. Plain fields, lists
 * and arrays, so it maps to JSON as is; {@link #toBytes()} is the compact binary form for a bytea column.
 *
 * @param spread how far values stray from their long-run level (the floor of sigma is a sliver of it)
 * @param models one per {@link Model}, in its order
 * @param factors how much noisier than usual each hour of the week (or day) is
 */
public record BandState(int version, BandSettings settings, long learned, double spread, List<ModelState> models,
    Slots factors) {

  /** 2: tails relative to the model's sigma (1, absolute, is still read and converted). */
  public static final int VERSION = 2;

  /**
   * One seasonal model: its profile, offset, one-step error (overall, and the tails above and below the expectation
   * as multiples of it),
   * the current streak beyond the band's inner edge and the current run of held-out values (its length and its last
   * residuals, at most 32).
   */
  public record ModelState(Model model, Slots profile, double offset, double error, double tailAbove,
      double tailBelow, long samples, int streak, float[] run, int runLength) {
  }

  /** One profile: a mean, a visit count and a signed run of held-out visits per slot. */
  public record Slots(float[] means, short[] counts, byte[] misses) {
  }

  public byte[] toBytes() {
    return BandCodec.write(this);
  }

  public static BandState fromBytes(byte[] data) {
    return BandCodec.read(data);
  }
}
