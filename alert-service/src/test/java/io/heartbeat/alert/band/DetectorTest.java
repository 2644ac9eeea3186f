package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorTest {

  @ParameterizedTest(name = "period {0}s, {1}: min history {2}, waits for week {3}, hourly band {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # period | side | min history | waitForWeek | hourly
      60       | LOW  | 1440        | true        | false
      60       | BOTH | 1440        | false       | true
      300      | BOTH | 288         | false       | true
      300      | HIGH | 288         | true        | false
      3600     | BOTH | 24          | false       | false
      86400    | LOW  | 12          | true        | false
      """)
  void shouldDeriveTheShippedDefaultsFromThePeriodAndSide(long period, BadSide side, int minHistory,
      boolean waitForWeek, boolean hourly) {
    DetectorSettings settings = DetectorSettings.defaults(period, side);
    assertEquals(minHistory, settings.minHistoryWindows());
    assertEquals(waitForWeek, settings.band().waitForWeek());
    assertEquals(hourly, settings.hourly());
  }

  /** Phases: C clear, P pending, F firing, R recovering; before anomalous (a) or not (-); then fired / resolved. */
  @ParameterizedTest(name = "{0} + {1}, before {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # minute | hour | before | expected phase, fired, resolved
      C        | C    | -      | C - -
      P        | C    | -      | P - -
      F        | C    | -      | F fired -
      C        | F    | -      | F fired -
      F        | R    | a      | F - -
      R        | C    | a      | R - -
      C        | C    | a      | C - resolved
      C        | R    | a      | R - -
      """)
  void shouldCombineTheTwoRulesIntoOneEpisode(char minute, char hour, char before, String expected) {
    Breach wasBreach = before == 'a' ? new Breach(BreachPhase.FIRING, 3, 0, false, false) : Breach.CLEAR;
    Breach combined = Detector.combine(wasBreach, breach(minute), breach(hour));
    String[] want = expected.trim().split("\\s+");
    assertEquals(phase(want[0].charAt(0)), combined.phase());
    assertEquals(want[1].equals("fired"), combined.fired());
    assertEquals(want[2].equals("resolved"), combined.resolved());
  }

  @ParameterizedTest(name = "{0} earlier episodes a day of strength {1}: next of {2} common {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # per day | earlier strength | next strength | common
      0         | 4                | 4             | false
      1         | 4                | 4             | true
      1         | 4                | 8             | false
      1         | 8                | 4             | true
      0.25      | 4                | 4             | false
      """)
  void shouldCallAnEpisodeCommonWhenAsStrongOnesCameMoreThanEveryOtherDay(double perDay, double earlier,
      double next, boolean common) {
    EpisodeRates rates = new EpisodeRates();
    int windowsPerDay = 288;
    int every = perDay == 0 ? Integer.MAX_VALUE : (int) Math.round(windowsPerDay / perDay);
    for (int w = 1; w <= 7 * windowsPerDay; w++) {
      rates.tick(300);
      if (w % every == 0) {
        rates.record(earlier, 3);
      }
    }
    assertEquals(common, rates.record(next, 3));
  }

  @ParameterizedTest(name = "{0}: restored from save() goes on as the original")
  @CsvSource({"BOTH", "LOW", "HIGH"})
  void shouldContinueFromItsSavedStateExactly(BadSide side) {
    Synthetic series = new Synthetic(7, 4, true);
    DetectorSettings settings = DetectorSettings.defaults(Synthetic.FIVE_MINUTES, side);
    Detector original = Detector.start(settings);
    for (int w = 0; w < 3 * Synthetic.DAY + 7; w++) {
      original.observe(Synthetic.at(w), series.value(w), false);
    }
    Detector restored = Detector.restore(settings, original.save(), original.breach());
    assertArrayEquals(original.save(), restored.save());
    for (int w = 3 * Synthetic.DAY + 7; w < 4 * Synthetic.DAY; w++) {
      double value = w % 97 < 6 ? 0 : series.value(w);
      Instant at = Synthetic.at(w);
      Detection a = original.observe(at, value, false);
      Detection b = restored.observe(at, value, false);
      assertEquals(a.breach(), b.breach(), "window " + w);
      assertEquals(a.deviation(), b.deviation(), 1e-12, "window " + w);
    }
  }

  @ParameterizedTest(name = "a plain band snapshot (the earlier form) restores as a detector: {0}")
  @CsvSource({"BOTH", "LOW"})
  void shouldRestoreFromABandSnapshot(BadSide side) {
    Synthetic series = new Synthetic(3, 4, false);
    DetectorSettings settings = DetectorSettings.defaults(Synthetic.FIVE_MINUTES, side);
    AnomalyBand band = AnomalyBand.start(settings.band());
    series.feed(band, 0, 2 * Synthetic.DAY, v -> v);
    Detector restored = Detector.restore(settings, band.snapshot().toBytes(), Breach.CLEAR);
    assertEquals(band.learnedWindows(), restored.learnedWindows());
  }

  private static Breach breach(char phase) {
    return new Breach(phase(phase), 0, 0, false, false);
  }

  private static BreachPhase phase(char c) {
    return switch (c) {
      case 'C' -> BreachPhase.CLEAR;
      case 'P' -> BreachPhase.PENDING;
      case 'F' -> BreachPhase.FIRING;
      default -> BreachPhase.RECOVERING;
    };
  }
}
