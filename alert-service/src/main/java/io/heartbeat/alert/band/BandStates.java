package io.heartbeat.alert.band;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Copies a band's learned state into a snapshot and back, checking that the snapshot fits its settings. */
final class BandStates {

  private BandStates() {
  }

  static BandState snapshot(AnomalyBand band) {
    List<BandState.ModelState> models = new ArrayList<>();
    for (Predictor p : band.predictors) {
      models.add(new BandState.ModelState(p.model, slots(p.profile), p.offset, p.error, p.above, p.below, p.samples,
          p.streak, Arrays.copyOf(p.run, Math.min(p.runLength, p.run.length)), p.runLength));
    }
    return new BandState(BandState.VERSION, band.settings, band.learned, band.spread, List.copyOf(models),
        slots(band.factors));
  }

  static AnomalyBand restore(BandState state, Tuning tuning) {
    AnomalyBand band = new AnomalyBand(state.settings(), tuning);
    if (state.models().size() != band.predictors.length) {
      throw new IllegalArgumentException("band state has " + state.models().size() + " models, expected "
          + band.predictors.length);
    }
    for (int m = 0; m < band.predictors.length; m++) {
      BandState.ModelState saved = state.models().get(m);
      Predictor p = band.predictors[m];
      if (saved.model() != p.model) {
        throw new IllegalArgumentException("band state model " + m + " is " + saved.model() + ", expected " + p.model);
      }
      copy(saved.profile(), p.profile, p.model.wire());
      int kept = Math.min(saved.runLength(), p.run.length);
      if (saved.runLength() < 0 || saved.runLength() >= p.shiftWindows || saved.run().length != kept) {
        throw new IllegalArgumentException("band state run of " + saved.runLength() + " does not fit shiftWindows "
            + p.shiftWindows);
      }
      System.arraycopy(saved.run(), 0, p.run, 0, kept);
      p.runLength = saved.runLength();
      p.offset = saved.offset();
      p.error = saved.error();
      p.above = saved.tailAbove();
      p.below = saved.tailBelow();
      p.streak = saved.streak();
      p.samples = saved.samples();
    }
    copy(state.factors(), band.factors, "factors");
    band.learned = state.learned();
    band.spread = state.spread();
    return band;
  }

  /**
   * Restores under new settings. Sensitivity and minimum history only decide judging, so what was learned is
   * kept; a new period or seasonality cuts different slots, so the band starts over; a new shiftWindows drops the
   * current runs of held-out values.
   */
  static AnomalyBand restore(BandState state, BandSettings settings, Tuning tuning) {
    BandSettings old = state.settings();
    if (old.periodSeconds() != settings.periodSeconds() || old.seasonality() != settings.seasonality()) {
      return new AnomalyBand(settings, tuning);
    }
    List<BandState.ModelState> models = state.models();
    if (old.shiftWindows() != settings.shiftWindows()) {
      models = models.stream().map(m -> new BandState.ModelState(m.model(), m.profile(), m.offset(), m.error(),
          m.tailAbove(), m.tailBelow(), m.samples(), m.streak(), new float[0], 0)).toList();
    }
    return restore(new BandState(state.version(), settings, state.learned(), state.spread(), models,
        state.factors()), tuning);
  }

  private static BandState.Slots slots(SlotMeans means) {
    return new BandState.Slots(means.means.clone(), means.counts.clone(), means.misses.clone());
  }

  private static void copy(BandState.Slots slots, SlotMeans into, String name) {
    int n = into.means.length;
    if (slots.means().length != n || slots.counts().length != n || slots.misses().length != n) {
      throw new IllegalArgumentException("band state " + name + " has " + slots.means().length + " slots, settings"
          + " need " + n);
    }
    System.arraycopy(slots.means(), 0, into.means, 0, n);
    System.arraycopy(slots.counts(), 0, into.counts, 0, n);
    System.arraycopy(slots.misses(), 0, into.misses, 0, n);
  }
}
