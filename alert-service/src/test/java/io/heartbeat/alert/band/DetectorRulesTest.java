package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detector's rules beyond the per-window band: the zero rule, the sustained rule and the drift report. */
class DetectorRulesTest {

  /** One-minute windows, as the live heartbeats. */
  static final long HOUR = 60;
  static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  static final int WEEK = 7 * 24 * 60;
  /** Two weeks of minutes: the weekly model has seen every hour of the week. */
  static final int HISTORY = 2 * WEEK;

  static Instant at(int window) {
    return MONDAY.plusSeconds(HOUR * window);
  }

  /** A flat Poisson count of this mean through three weeks of history; returns the next window index. */
  static int learnPoisson(Detector detector, double mean, SplittableRandom random) {
    for (int w = 0; w < HISTORY; w++) {
      detector.observe(at(w), DemoSeries.poisson(mean, random), false);
    }
    return HISTORY;
  }

  /** Windows of an outage (value 0) until the detector is anomalous, -1 when not within limit. */
  static int windowsToFire(Detector detector, int from, int limit) {
    for (int k = 0; k < limit; k++) {
      if (detector.observe(at(from + k), 0, false).anomalous()) {
        return k + 1;
      }
    }
    return -1;
  }

  @ParameterizedTest(name = "Poisson mean {0}, bad side {1}: an outage fires within {2} windows (-1: never)")
  @CsvSource(delimiter = '|', textBlock = """
      # mean | side | fires within (trigger 3; below ZERO_FLOOR once the run summed ZERO_RUN_FLOOR expected)
      5      | LOW  | 3
      8      | LOW  | 3
      20     | LOW  | 3
      2      | LOW  | 10
      1      | LOW  | 17
      8      | BOTH | 3
      8      | HIGH | -1
      """)
  void shouldCallNothingWhereSomethingWasExpectedABreach(double mean, BadSide side, int within) {
    Detector detector = Detector.start(DetectorSettings.defaults(HOUR, side));
    int next = learnPoisson(detector, mean, new SplittableRandom(11));
    int fired = windowsToFire(detector, next, 60);
    if (within < 0) {
      assertEquals(-1, fired);
    } else {
      assertTrue(fired > 0 && fired <= within, "fired after " + fired + " windows, want <= " + within);
    }
  }

  @ParameterizedTest(name = "Poisson mean {0}: a 24-window outage stays anomalous to its end")
  @CsvSource({"1.5", "3", "6"})
  void shouldKeepALongOutageAnomalousAtLowCounts(double mean) {
    Detector detector = Detector.start(DetectorSettings.defaults(HOUR, BadSide.LOW));
    int next = learnPoisson(detector, mean, new SplittableRandom(12));
    int fired = windowsToFire(detector, next, 24);
    assertTrue(fired > 0, "never fired");
    for (int k = fired; k < 48; k++) {
      assertTrue(detector.observe(at(next + k), 0, false).anomalous(), "resolved after " + k + " windows");
    }
  }

  @ParameterizedTest(name = "a series that is 0 in {0} % of its windows: pages in its last week {1}")
  @CsvSource({"0, 0", "40, 0"})
  void shouldNotApplyTheZeroRuleWhereZerosAreNormal(int zeroPercent, int pages) {
    Detector detector = Detector.start(DetectorSettings.defaults(HOUR, BadSide.LOW));
    SplittableRandom random = new SplittableRandom(13);
    int paged = 0;
    for (int w = 0; w < 4 * WEEK; w++) {
      double value = random.nextInt(100) < zeroPercent ? 0 : 20 + random.nextInt(5);
      Detection d = detector.observe(at(w), value, false);
      paged += w >= 3 * WEEK && d.breach().fired() ? 1 : 0;
    }
    assertEquals(pages, paged);
  }

  @ParameterizedTest(name = "{0}: a shift of {1} sigmas ({2}) fires within 4 windows {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # side | sigmas | direction | fires within 4 (level 100, noise 5: inside the 3-sigma band most windows)
      LOW    | 4.5    | down      | true
      LOW    | 4.5    | up        | false
      HIGH   | 4.5    | up        | true
      LOW    | 1.0    | down      | false
      """)
  void shouldJudgeTheTriggerWindowAsAWhole(BadSide side, double sigmas, String direction, boolean fires) {
    int hits = 0;
    int trials = 20;
    for (int seed = 0; seed < trials; seed++) {
      Detector detector = Detector.start(DetectorSettings.defaults(HOUR, side));
      SplittableRandom random = new SplittableRandom(100 + seed);
      for (int w = 0; w < HISTORY; w++) {
        detector.observe(at(w), 100 + 5 * gaussian(random), false);
      }
      double shift = (direction.equals("up") ? 1 : -1) * sigmas * 5;
      for (int k = 0; k < 4; k++) {
        if (detector.observe(at(HISTORY + k), 100 + shift + 5 * gaussian(random), false).anomalous()) {
          hits++;
          break;
        }
      }
    }
    // The side decides; the gain of the sustained rule over the 3-of-5 rule is measured by bench/demo.sh.
    assertEquals(fires, hits >= 0.9 * trials, hits + " of " + trials + " fired");
  }

  @ParameterizedTest(name = "{0}: a lasting +30 % shift is reported as adopted once within a day: {1}")
  @CsvSource({"LOW, true", "HIGH, false"})
  void shouldReportAShiftTheBandFollowedOnItsHarmlessSide(BadSide side, boolean reported) {
    DetectorSettings settings = DetectorSettings.defaults(300, side);
    Detector detector = Detector.start(settings);
    SplittableRandom random = new SplittableRandom(14);
    int week = 7 * 288;
    for (int w = 0; w < 2 * week; w++) {
      detector.observe(MONDAY.plusSeconds(300L * w), 100 + 3 * gaussian(random), false);
    }
    int reports = 0;
    double shift = 0;
    for (int w = 2 * week; w < 2 * week + 288; w++) {
      Detection d = detector.observe(MONDAY.plusSeconds(300L * w), 130 + 3 * gaussian(random), false);
      if (d.adoptedShift() != 0) {
        reports++;
        shift = d.adoptedShift();
      }
    }
    assertEquals(reported ? 1 : 0, reports);
    if (reported) {
      assertTrue(shift > 10 && shift < 40, "reported shift " + shift);
    }
  }

  static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
