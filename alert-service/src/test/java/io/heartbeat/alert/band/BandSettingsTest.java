package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandSettingsTest {

  @ParameterizedTest(name = "period {0}s -> {1}, shift after {2} windows")
  @CsvSource({
      "60, WEEKLY, 360",
      "300, WEEKLY, 72",
      "900, WEEKLY, 24",
      "3600, WEEKLY, 6",
      "7200, DAILY, 6",
      "21600, DAILY, 6",
      "86400, NONE, 6"})
  void shouldPickSeasonalityAndShiftByPeriod(long period, Seasonality seasonality, int shiftWindows) {
    BandSettings settings = BandSettings.of(period, 3, 1440);

    assertEquals(seasonality, settings.seasonality());
    assertEquals(shiftWindows, settings.shiftWindows());
    assertTrue(settings.waitForWeek());
  }

  @ParameterizedTest(name = "sensitivity={0} minHistory={1} period={2} shift={3} is rejected")
  @CsvSource({
      "0, 10, 60, 6",
      "-1, 10, 60, 6",
      "NaN, 10, 60, 6",
      "Infinity, 10, 60, 6",
      "3, -1, 60, 6",
      "3, 10, 0, 6",
      "3, 10, 60, 0",
      "3, 10, 60, 100001"})
  void shouldRejectNonsense(double sensitivity, int minHistory, long period, int shift) {
    assertThrows(IllegalArgumentException.class,
        () -> new BandSettings(sensitivity, minHistory, period, Seasonality.DAILY, shift, true));
  }

  @ParameterizedTest(name = "period {0}s at {1}: fine slot {2}, hour {3}, hour of week {4}")
  @CsvSource({
      "60, 1970-01-01T00:00:00Z, 0, 0, 0",
      "60, 1970-01-01T00:04:59Z, 0, 0, 0",
      "60, 1970-01-01T00:05:00Z, 1, 0, 0",
      "60, 2026-01-05T15:37:00Z, 187, 15, 111",
      "300, 2026-01-11T23:55:00Z, 287, 23, 95",
      "1800, 2026-01-05T15:37:00Z, 31, 15, 111",
      "3600, 2026-01-05T15:37:00Z, 15, 15, 111"})
  void shouldCutUtcIntoSlots(long period, String at, int fine, int hour, int week) {
    Slots slots = new SlotClock(period, Seasonality.WEEKLY).slots(java.time.Instant.parse(at));

    assertEquals(new Slots(fine, hour, week), slots);
  }
}
