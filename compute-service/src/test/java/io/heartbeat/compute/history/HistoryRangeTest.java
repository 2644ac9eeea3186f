package io.heartbeat.compute.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.compute.model.MetricDefinition;

/** How far back a history reaches, one row per case: period, history_days, caps, the range's windows. */
class HistoryRangeTest {

  private static final Instant END = Instant.parse("2026-03-01T10:00:00Z");

  @ParameterizedTest(name = "{0}s history_days={1} max-days={2} max-windows={3}")
  @CsvSource({
      // the band's need: 35 days up to 1h
      "60, , 35, 60480, 50400",
      "3600, , 35, 60480, 840",
      // 14 days up to 6h
      "7200, , 35, 60480, 168",
      "21600, , 35, 60480, 56",
      // else 60 windows
      "43200, , 35, 60480, 60",
      "86400, , 35, 60480, 35",
      // history_days wins, within the caps
      "60, 14, 35, 60480, 20160",
      "60, 400, 35, 60480, 50400",
      "300, 2, 35, 60480, 576",
      // max-days and max-windows cap everything
      "60, , 14, 60480, 20160",
      "60, , 35, 10000, 10000",
      "60, , 0, 60480, 0"})
  void shouldReachBackAsFarAsBandNeedsWithinCaps(int periodSeconds, Integer historyDays, int maxDays,
      int maxWindows, int windows) {
    MetricDefinition definition = new MetricDefinition(periodSeconds / 60 + "m", periodSeconds, "select 1 as value",
        null, null, historyDays, null, null);

    HistoryRange range = HistoryRange.of(definition, END, maxDays, maxWindows);

    assertEquals(END, range.end());
    assertEquals(windows, range.windows(definition.length()));
    assertEquals(END.minus(Duration.ofSeconds((long) periodSeconds * windows)), range.start());
  }

  @Test
  void shouldEndWhereLiveScheduleStarts() {
    Duration minute = Duration.ofMinutes(1);
    // A new metric seen at 10:07:42 starts live at its most recent closed window, 10:06.
    assertEquals(Instant.parse("2026-03-01T10:06:00Z"),
        HistoryRange.endForNewMetric(Instant.parse("2026-03-01T10:07:42Z"), minute));
    // A change effective at 10:08 with a new 5m period starts live at 10:10.
    assertEquals(Instant.parse("2026-03-01T10:10:00Z"),
        HistoryRange.endForChange(Instant.parse("2026-03-01T10:08:00Z"), Duration.ofMinutes(5)));
    assertEquals(Instant.parse("2026-03-01T10:08:00Z"),
        HistoryRange.endForChange(Instant.parse("2026-03-01T10:08:00Z"), minute));
  }
}
