package io.heartbeat.compute.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which windows a backfill covers: aligned to the period, inside [from, to), before the live schedule's first. */
class BackfillRangeTest {

  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of("aligned hour of minutes", "10:00:00", "11:00:00", "1m", "12:00:00", "10:00:00", "11:00:00", 60),
        Arguments.of("from inside a window starts at the next", "10:00:30", "11:00:00", "1m", "12:00:00", "10:01:00",
            "11:00:00", 59),
        Arguments.of("to inside a window ends before it", "10:00:00", "10:59:30", "1m", "12:00:00", "10:00:00",
            "10:59:00", 59),
        Arguments.of("the schedule's windows are left to it", "10:00:00", "13:00:00", "1m", "12:00:00", "10:00:00",
            "12:00:00", 120),
        Arguments.of("nothing before the schedule", "12:30:00", "13:00:00", "1m", "12:00:00", "12:30:00", "12:30:00", 0),
        Arguments.of("shorter than a window", "10:00:10", "10:00:50", "1m", "12:00:00", "10:01:00", "10:01:00", 0),
        Arguments.of("hours", "10:30:00", "14:00:00", "1h", "13:15:00", "11:00:00", "13:00:00", 2),
        Arguments.of("five minutes", "09:58:00", "10:21:00", "5m", "23:00:00", "10:00:00", "10:20:00", 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void shouldCoverWholeWindowsBeforeSchedule(String name, String from, String to, String period, String scheduleStart,
      String start, String end, int total) {
    BackfillRange range = BackfillRange.of(at(from), at(to), Duration.parse("PT" + period.toUpperCase()),
        at(scheduleStart));

    assertEquals(at(start), range.start(), name);
    assertEquals(at(end), range.end(), name);
    assertEquals(total, range.total(), name);
  }

  private static Instant at(String time) {
    return Instant.parse("2026-03-01T" + time + "Z");
  }
}
