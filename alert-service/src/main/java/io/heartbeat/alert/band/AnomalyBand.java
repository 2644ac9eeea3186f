package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.Optional;

/**
 * The learned expected band of one series, updated one observation at a time: four seasonal models (level, hour of
 * day, fine time of day, hour of week) learn side by side with clipped, outage-proof updates, and each window is
 * judged by the one with the lowest recent error, as expected -/+ sensitivity x sigma (sigma per hour, wider on a
 * skewed side). Details in package-info. Not thread-safe: one series, one writer. About 5 KB whatever the history.
 */
public final class AnomalyBand {

  static final int MAX_SHIFT_WINDOWS = 100_000;
  /** One-step residuals a model needs before its error is trusted; until then it neither judges nor holds out. */
  static final int MIN_ERROR_SAMPLES = 10;
  /**
   * The least sigma as a share of the values' spread, so a series that sat still (a ratio at 0 all night) cannot
   * shrink its sigma to nothing and then refuse every later value.
   */
  static final double FLOOR_SHARE = 0.02;
  /** sigma = sqrt(pi/2) x mean absolute residual for a normal residual. */
  static final double NORMAL_CONSISTENCY = Math.sqrt(Math.PI / 2);

  final BandSettings settings;
  final Tuning tuning;
  final SlotClock clock;
  final Rates rates;
  /** One per {@link Model}, in its order; a model the seasonality does not allow has no slots. */
  final Predictor[] predictors;
  /** How much noisier than usual each hour of the week (or of the day) is: a multiplier of a model's sigma. */
  final SlotMeans factors;
  /** How far values stray from their long-run level (unclipped): sigma never falls below a sliver of it. */
  double spread;
  long learned;
  /** The side whose lasting runs are never adopted as a new level (null: either side is); set by the Detector. */
  BadSide neverAdopt;
  /** The level shift the last learned value made the band adopt (0 when none), in the series' units. */
  double adopted;
  /** The offset of the model that set the band of the last observed or judged window (0 while warming up). */
  double offset;

  AnomalyBand(BandSettings settings, Tuning tuning) {
    this.settings = settings;
    this.tuning = tuning;
    this.clock = new SlotClock(settings.periodSeconds(), settings.seasonality());
    this.rates = Rates.of(settings, tuning, clock);
    boolean daily = settings.seasonality() != Seasonality.NONE;
    boolean weekly = settings.seasonality() == Seasonality.WEEKLY;
    int shift = settings.shiftWindows();
    // With periods of an hour or more the fine profile would repeat the hourly one.
    int fine = daily && clock.daySlots() > SlotClock.HOURS_PER_DAY ? clock.daySlots() : 0;
    int hour = rates.hourVisits();
    this.predictors = new Predictor[] {new Predictor(Model.LEVEL, 1, shift, hour),
        new Predictor(Model.HOURLY, daily ? SlotClock.HOURS_PER_DAY : 0, shift, hour),
        new Predictor(Model.FINE, fine, shift, rates.fineVisits()),
        new Predictor(Model.WEEKLY, weekly ? SlotClock.HOURS_PER_WEEK : 0, shift, hour)};
    this.factors = new SlotMeans(weekly ? SlotClock.HOURS_PER_WEEK : daily ? SlotClock.HOURS_PER_DAY : 1);
  }

  /** A band with no history: it learns from the first observation and judges once warmed up. */
  public static AnomalyBand start(BandSettings settings) {
    return new AnomalyBand(settings, Tuning.DEFAULT);
  }

  /** The band exactly as it was when the snapshot was taken. */
  public static AnomalyBand restore(BandState state) {
    return BandStates.restore(state, Tuning.DEFAULT);
  }

  /** The band learned under earlier settings, carried over where they still fit (see {@link BandState}). */
  public static AnomalyBand restore(BandState state, BandSettings settings) {
    return BandStates.restore(state, settings, Tuning.DEFAULT);
  }

  public BandState snapshot() {
    return BandStates.snapshot(this);
  }

  public BandSettings settings() {
    return settings;
  }

  /** Windows learned so far (values that were not finite are not counted). */
  public long learnedWindows() {
    return learned;
  }

  /** The band for a window, empty while warming up: too little history, or this slot never seen yet. */
  public Optional<Band> expect(Instant windowStart) {
    Fit fit = fit(windowStart);
    return judges(fit) ? Optional.of(band(fit)) : Optional.empty();
  }

  /** The model that would set the band for this window (null while warming up). */
  Model model(Instant windowStart) {
    Fit fit = fit(windowStart);
    return fit.model == null ? null : fit.model.model;
  }

  /** Judges the value against the band as it stood, then learns it. */
  public BandStep observe(Instant windowStart, double value) {
    Fit fit = fit(windowStart);
    offset = fit.model == null ? 0 : fit.model.offset;
    BandStep step = step(fit, windowStart, value);
    learn(fit, value);
    return step;
  }

  /** Judges the value against the band without learning it (a late window, or one inside an open episode). */
  public BandStep judge(Instant windowStart, double value) {
    adopted = 0;
    Fit fit = fit(windowStart);
    offset = fit.model == null ? 0 : fit.model.offset;
    return step(fit, windowStart, value);
  }

  /** The level shift the last learned value made the band adopt, 0 when it adopted none. */
  public double adoptedShift() {
    return adopted;
  }

  private BandStep step(Fit fit, Instant windowStart, double value) {
    return judges(fit) && Double.isFinite(value)
        ? new BandStep(windowStart, value, band(fit), (value - fit.expected) / (value > fit.expected ? fit.sigmaUp
            : fit.sigmaDown), fit.model.model)
        : new BandStep(windowStart, value, null, 0, null);
  }

  /** Learns one window's value; NaN and infinite values are ignored. */
  public void learn(Instant windowStart, double value) {
    learn(fit(windowStart), value);
  }

  private void learn(Fit fit, double value) {
    adopted = 0;
    if (!Double.isFinite(value)) {
      return;
    }
    learned++;
    if (fit.model != null) {
      double residual = value - fit.expected;
      // A model whose error is still 0 (a constant series) says nothing about how noisy this hour is.
      if (fit.model.error > 0 && Math.abs(residual) <= tuning.learnLimit() * fit.sigma) {
        double clipped = Math.min(Math.abs(residual), tuning.clip() * fit.sigma);
        factors.learn(fit.factorSlot, NORMAL_CONSISTENCY * clipped / (fit.sigma / fit.factor), 0, rates.factor());
      }
    }
    double detail = detail(fit.slots);
    for (Predictor predictor : predictors) {
      if (predictor.fits()) {
        double shift = predictor.learn(fit.slots, value, fit.factor, predictor.model == Model.WEEKLY ? detail : 0,
            fit.floor, tuning, rates, neverAdopt);
        // The shift of the model that set the band is the one people saw; any other's if that one did not move.
        if (shift != 0 && (predictor == fit.model || adopted == 0)) {
          adopted = shift;
        }
      }
    }
    SlotMeans level = predictors[Model.LEVEL.ordinal()].profile;
    double stray = NORMAL_CONSISTENCY * Math.abs(value - level.mean(0));
    spread += Math.max(1.0 / learned, rates.error()) * (stray - spread);
  }

  private boolean judges(Fit fit) {
    return fit.model != null && learned >= settings.minHistoryWindows()
        && (settings.seasonality() != Seasonality.WEEKLY || !settings.waitForWeek()
            || predictors[Model.WEEKLY.ordinal()].mature(fit.slots));
  }

  private Band band(Fit fit) {
    double k = settings.sensitivity();
    return new Band(fit.expected, fit.expected - k * fit.sigmaDown, fit.expected + k * fit.sigmaUp);
  }

  /** The trusted model with the lowest recent error among those that know this slot, and its expectation. */
  private Fit fit(Instant at) {
    Slots slots = clock.slots(at);
    int factorSlot = factors.means.length == SlotClock.HOURS_PER_WEEK ? slots.week()
        : factors.means.length == SlotClock.HOURS_PER_DAY ? slots.hour() : 0;
    int n = factors.count(factorSlot);
    double prior = tuning.scalePrior();
    double factor = Math.max(tuning.scaleFloor(), (n * factors.mean(factorSlot) + prior) / (n + prior));
    double detail = detail(slots);
    Predictor best = null;
    double expected = Double.NaN;
    for (Predictor predictor : predictors) {
      double candidate = predictor.fits() && predictor.trusted()
          ? predictor.expected(slots, predictor.model == Model.WEEKLY ? detail : 0) : Double.NaN;
      if (!Double.isNaN(candidate) && (best == null || predictor.error < best.error)) {
        best = predictor;
        expected = candidate;
      }
    }
    double floor = FLOOR_SHARE * spread / factor;
    if (best == null) {
      return new Fit(slots, factorSlot, factor, floor, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sigma = Math.max(Math.max(best.error, floor) * factor, Double.MIN_NORMAL);
    return new Fit(slots, factorSlot, factor, floor, best, expected, sigma,
        Math.max(best.sigma(1, floor) * factor, Double.MIN_NORMAL),
        Math.max(best.sigma(-1, floor) * factor, Double.MIN_NORMAL));
  }

  /** The within-hour shape of the day (fine profile minus hourly), which the hour-of-week profile lacks. */
  private double detail(Slots slots) {
    SlotMeans fine = predictors[Model.FINE.ordinal()].profile;
    SlotMeans hourly = predictors[Model.HOURLY.ordinal()].profile;
    if (fine.means.length == 0 || !predictors[Model.FINE.ordinal()].mature(slots)
        || !predictors[Model.HOURLY.ordinal()].mature(slots)) {
      return 0;
    }
    return fine.mean(slots.fine()) - hourly.mean(slots.hour());
  }

  /** One window's slots and the band's fit there; model is null while no model has a trusted error yet. */
  private record Fit(Slots slots, int factorSlot, double factor, double floor, Predictor model, double expected,
      double sigma, double sigmaUp, double sigmaDown) {
  }
}
