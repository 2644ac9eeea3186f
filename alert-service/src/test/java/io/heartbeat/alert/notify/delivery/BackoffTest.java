package io.heartbeat.alert.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delays between attempts, one row per case, with the jitter pinned to its bounds; and Retry-After's two forms. */
class BackoffTest {

  @ParameterizedTest(name = "attempt {0}, jitter {1} -> {2} ms")
  @CsvSource({
      "1, 0.0, 500",
      "1, 1.0, 1000",
      "2, 0.0, 1000",
      "3, 1.0, 4000",
      "10, 0.0, 30000",
      "10, 1.0, 60000",
      "100, 1.0, 60000",
  })
  void shouldDoubleUpToTheMaximumWithJitter(int attempts, double jitter, long millis) {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> jitter);
    assertEquals(Duration.ofMillis(millis), backoff.after(attempts, null));
  }

  @Test
  void shouldLetRetryAfterWin() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5);
    assertEquals(Duration.ofSeconds(120), backoff.after(1, Duration.ofSeconds(120)));
  }

  @Test
  void shouldReadRetryAfterSecondsAndDates() {
    Instant now = Instant.parse("2026-05-04T10:00:00Z");
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", now));
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 04 May 2026 10:01:30 GMT", now));
    assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 04 May 2026 09:00:00 GMT", now));
    assertNull(RetryAfter.parse("soon", now));
    assertNull(RetryAfter.parse(null, now));
    assertNull(RetryAfter.parse("-3", now));
  }
}
