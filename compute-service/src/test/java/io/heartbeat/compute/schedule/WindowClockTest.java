package io.heartbeat.compute.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window alignment to UTC boundaries, one row per case. */
class WindowClockTest {

  @ParameterizedTest
  @CsvSource({
      "2026-03-01T10:07:42Z, PT1M,  2026-03-01T10:07:00Z, 2026-03-01T10:08:00Z",
      "2026-03-01T10:07:00Z, PT1M,  2026-03-01T10:07:00Z, 2026-03-01T10:07:00Z",
      "2026-03-01T10:07:42Z, PT5M,  2026-03-01T10:05:00Z, 2026-03-01T10:10:00Z",
      "2026-03-01T10:07:42Z, PT15M, 2026-03-01T10:00:00Z, 2026-03-01T10:15:00Z",
      "2026-03-01T10:07:42Z, PT1H,  2026-03-01T10:00:00Z, 2026-03-01T11:00:00Z",
      "2026-03-01T10:07:42Z, P1D,   2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z",
      "2026-03-01T23:59:59.999Z, P1D, 2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z",
      "1969-12-31T23:59:30Z, PT1M,  1969-12-31T23:59:00Z, 1970-01-01T00:00:00Z",
  })
  void shouldAlignToUtcBoundaries(Instant t, Duration period, Instant floor, Instant ceil) {
    assertEquals(floor, WindowClock.floor(t, period));
    assertEquals(ceil, WindowClock.ceil(t, period));
  }

  @ParameterizedTest
  @CsvSource({"PT1M, true", "PT5M, true", "PT15M, true", "PT1H, true", "PT6H, true", "P1D, true",
      "PT7M, false", "PT0S, false", "P2D, false", "PT1.5S, false", "PT-1M, false"})
  void shouldOnlyAcceptPeriodsThatDivideADay(Duration period, boolean supported) {
    assertEquals(supported, WindowClock.supports(period));
  }

  @Test
  void shouldRefuseToAlignOnUnsupportedPeriod() {
    assertThrows(IllegalArgumentException.class, () -> WindowClock.floor(Instant.EPOCH, Duration.ofMinutes(7)));
  }

  @Test
  void shouldNameTheMostRecentClosedWindow() {
    Window window = WindowClock.lastClosed(Instant.parse("2026-03-01T10:07:42Z"), Duration.ofMinutes(5));
    assertEquals(new Window(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z")), window);
  }

  @ParameterizedTest
  @CsvSource({
      "2026-03-01T10:05:09Z, false",
      "2026-03-01T10:05:10Z, true",
      "2026-03-01T10:06:00Z, true",
  })
  void shouldBeDueAfterSettleDelay(Instant now, boolean due) {
    Window window = new Window(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"));
    assertEquals(due, WindowClock.isDue(window, now, Duration.ofSeconds(10)));
  }
}
