package io.heartbeat.alert.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StalenessTest {

  private static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest(name = "silence {0}s, period {1}s, {2} missed -> stale={3}")
  @CsvSource({
      "0, 60, 2, false",
      "119, 60, 2, false",
      "120, 60, 2, false",
      "121, 60, 2, true",
      "7200, 3600, 2, false",
      "7201, 3600, 2, true",
      "10800, 3600, 3, false",
      "10801, 3600, 3, true",
      "86400, 86400, 2, false",
      "172801, 86400, 2, true",
      "-30, 60, 2, false"})
  void shouldCallStaleOnlyAfterMissedPeriods(long silenceSeconds, long periodSeconds, int missed, boolean stale) {
    assertEquals(stale, Staleness.isStale(LAST, LAST.plusSeconds(silenceSeconds), periodSeconds, missed));
  }

  @Test
  void shouldExplainStaleVerdict() {
    Judgement judgement = Staleness.stale(LAST, Instant.parse("2026-01-01T00:01:00Z"), 2);

    assertEquals(Status.STALE, judgement.status());
    assertNull(judgement.value());
    assertEquals("no observation for 2 periods by the window clock: window from 2026-01-01T00:01:00Z missing"
        + " (last observation arrived 2026-01-01T00:00:00Z): stale", judgement.rule());
  }
}
