package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyBandTest {

  private static final DoubleUnaryOperator SAME = v -> v;

  static BandSettings daily(double sensitivity) {
    return new BandSettings(sensitivity, Synthetic.DAY, Synthetic.FIVE_MINUTES, Seasonality.DAILY, 72, true);
  }

  @Test
  void shouldStayUnknownUntilItHasHistory() {
    AnomalyBand band = AnomalyBand.start(daily(3));
    Synthetic series = new Synthetic(1, 5, false);
    for (int w = 0; w < Synthetic.DAY; w++) {
      BandStep step = band.observe(Synthetic.at(w), series.value(w));
      assertNull(step.band(), "window " + w + " judged before a day of history");
      assertTrue(step.position().isEmpty());
    }
    series.feed(band, Synthetic.DAY, 2 * Synthetic.DAY, SAME);
    assertTrue(band.expect(Synthetic.at(2 * Synthetic.DAY)).isPresent());
  }

  @ParameterizedTest(name = "waitForWeek={0}: judged on day 2 {1}, in week 2 {2}")
  @CsvSource({"true, false, true", "false, true, true"})
  void shouldJudgeAWeeklySeriesOnlyAfterAWeekUnlessTold(boolean waitForWeek, boolean dayTwo, boolean weekTwo) {
    AnomalyBand band = AnomalyBand.start(BandSettings.of(Synthetic.FIVE_MINUTES, 3, Synthetic.DAY)
        .withWaitForWeek(waitForWeek));
    Synthetic series = new Synthetic(2, 5, true);
    series.feed(band, 0, 2 * Synthetic.DAY, SAME);
    assertEquals(dayTwo, band.expect(Synthetic.at(2 * Synthetic.DAY)).isPresent());
    series.feed(band, 2 * Synthetic.DAY, Synthetic.WEEK + Synthetic.DAY, SAME);
    assertEquals(weekTwo, band.expect(Synthetic.at(Synthetic.WEEK + Synthetic.DAY)).isPresent());
  }

  @ParameterizedTest(name = "window {0} of the day")
  @CsvSource({"0", "72", "144", "216", "287"})
  void shouldFollowTheDailyCurve(int windowOfDay) {
    AnomalyBand band = AnomalyBand.start(daily(3));
    Synthetic series = new Synthetic(3, 5, false);
    series.feed(band, 0, 14 * Synthetic.DAY, SAME);
    int w = 14 * Synthetic.DAY + windowOfDay;
    Band expected = band.expect(Synthetic.at(w)).orElseThrow();

    assertEquals(series.truth(w), expected.expected(), 5.0);
    double halfWidth = (expected.upper() - expected.lower()) / 2;
    assertTrue(halfWidth > 10 && halfWidth < 30, "half-width " + halfWidth + " for noise 5 at sensitivity 3");
  }

  @Test
  void shouldPageOnABigDropAndPassNoise() {
    AnomalyBand band = AnomalyBand.start(daily(3));
    BreachTracker tracker = new BreachTracker(3, 5, BadSide.LOW);
    Synthetic series = new Synthetic(4, 5, false);
    series.feed(band, 0, 7 * Synthetic.DAY, SAME);
    Breach breach = Breach.CLEAR;
    int fired = -1;
    for (int w = 7 * Synthetic.DAY; w < 8 * Synthetic.DAY && fired < 0; w++) {
      boolean dropped = w >= 7 * Synthetic.DAY + 144;
      double value = dropped ? 0.5 * series.value(w) : series.value(w);
      breach = tracker.step(breach, band.observe(Synthetic.at(w), value).position().orElse(null));
      if (breach.fired()) {
        fired = w - (7 * Synthetic.DAY + 144);
      }
    }
    assertEquals(2, fired, "fires on the third window of a 50 % drop (trigger 3), not before");
  }

  @Test
  void shouldNotLetAnOutageDragTheBandDown() {
    AnomalyBand clean = AnomalyBand.start(BandSettings.of(Synthetic.FIVE_MINUTES, 3, Synthetic.DAY));
    AnomalyBand hit = AnomalyBand.start(BandSettings.of(Synthetic.FIVE_MINUTES, 3, Synthetic.DAY));
    Synthetic a = new Synthetic(5, 5, true);
    Synthetic b = new Synthetic(5, 5, true);
    int outage = 2 * Synthetic.WEEK + Synthetic.DAY + 132;
    a.feed(clean, 0, 3 * Synthetic.WEEK, SAME);
    for (int w = 0; w < 3 * Synthetic.WEEK; w++) {
      boolean down = w >= outage && w < outage + 36;
      double value = b.value(w);
      BandStep step = hit.observe(Synthetic.at(w), down ? 0 : value);
      if (down) {
        assertEquals(Position.BELOW, step.position().orElseThrow(), "outage window " + w);
      }
    }
    for (int later : new int[] {outage + 18 + Synthetic.DAY, outage + 18 + Synthetic.WEEK - Synthetic.DAY}) {
      double withOutage = hit.expect(Synthetic.at(later)).orElseThrow().expected();
      double without = clean.expect(Synthetic.at(later)).orElseThrow().expected();
      assertEquals(1.0, withOutage / without, 0.03, "band after a three-hour outage at window " + later);
    }
  }

  @Test
  void shouldAdoptALevelShiftThatPersists() {
    AnomalyBand band = AnomalyBand.start(daily(3));
    Synthetic series = new Synthetic(6, 5, false);
    series.feed(band, 0, 10 * Synthetic.DAY, SAME);
    int shift = 10 * Synthetic.DAY;
    int below = 0;
    int insideLater = 0;
    for (int w = shift; w < shift + 3 * Synthetic.DAY; w++) {
      Position position = band.observe(Synthetic.at(w), series.value(w) - 60).position().orElseThrow();
      if (w < shift + 12) {
        below += position == Position.BELOW ? 1 : 0;
      }
      if (w >= shift + Synthetic.DAY) {
        insideLater += position == Position.INSIDE ? 1 : 0;
      }
    }
    assertEquals(12, below, "a fresh drop of 60 (12 sigma) is below the band");
    assertTrue(insideLater > 0.95 * 2 * Synthetic.DAY, "inside after the shift persisted: " + insideLater);
  }

  @ParameterizedTest(name = "sensitivity {0} vs 3: half-width x{1}")
  @CsvSource({"1.5, 0.5", "3, 1", "6, 2"})
  void shouldScaleTheHalfWidthWithSensitivity(double sensitivity, double ratio) {
    AnomalyBand reference = AnomalyBand.start(daily(3));
    AnomalyBand other = AnomalyBand.start(daily(sensitivity));
    new Synthetic(7, 5, false).feed(reference, 0, 5 * Synthetic.DAY, SAME);
    new Synthetic(7, 5, false).feed(other, 0, 5 * Synthetic.DAY, SAME);
    Band a = reference.expect(Synthetic.at(5 * Synthetic.DAY)).orElseThrow();
    Band b = other.expect(Synthetic.at(5 * Synthetic.DAY)).orElseThrow();

    assertEquals(a.expected(), b.expected(), 1e-9);
    assertEquals(ratio * (a.upper() - a.expected()), b.upper() - b.expected(), 1e-9);
    assertEquals(ratio * (a.expected() - a.lower()), b.expected() - b.lower(), 1e-9);
  }

  @Test
  void shouldIgnoreValuesThatAreNotNumbers() {
    AnomalyBand band = AnomalyBand.start(daily(3));
    new Synthetic(8, 5, false).feed(band, 0, 3 * Synthetic.DAY, SAME);
    long learned = band.learnedWindows();
    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      BandStep step = band.observe(Synthetic.at(3 * Synthetic.DAY), value);
      assertNull(step.band());
      assertFalse(step.position().isPresent());
    }
    assertEquals(learned, band.learnedWindows());
  }
}
