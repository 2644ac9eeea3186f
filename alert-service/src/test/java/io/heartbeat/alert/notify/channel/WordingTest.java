package io.heartbeat.alert.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.Reading;

/** The words every channel shares: numbers, durations, the headline with the status spelled out. */
class WordingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"12.0, 12", "120.5, 120.5", "0.1, 0.1", "0.000123456789, 0.000123457", "-95.0, -95",
      "1234567.0, 1234570", "0.0, 0"})
  void shouldWriteNumbersAsPeopleReadThem(double value, String expected) {
    assertEquals(expected, Wording.number(value));
  }

  @ParameterizedTest(name = "{0} s")
  @CsvSource({"0, 0 s", "59, 59 s", "60, 1 min", "2520, 42 min", "3600, 1 h 00 min", "11100, 3 h 05 min",
      "86400, 1 d 00 h", "183600, 2 d 03 h"})
  void shouldWriteDurationsAsLongAsTheyNeed(long seconds, String expected) {
    assertEquals(expected, Wording.duration(seconds));
  }

  @Test
  void shouldSpellTheStatusOutInTheHeadline() {
    assertEquals("[RED] MSGC Messages created: 12 msg/min against 120.5 expected, below alert_value 60 for 3 windows",
        Wording.headline(Notifications.firing()));
    assertEquals("[RESOLVED] MSGC Messages created: back above 100 msg/min for 3 windows Recovered after 42 min, "
        + "27.5 SLA minutes.", Wording.headline(Notifications.resolved()));
    assertEquals("[STALE] MSGC Messages created (customer=acme): no observation for 2 periods",
        Wording.headline(Notifications.stale()));
  }

  @Test
  void shouldSayNothingKnownAsSuch() {
    assertEquals("n/a", Wording.number(null, "msg/min"));
    assertNull(Wording.band(Reading.NONE, "msg/min"));
  }
}
