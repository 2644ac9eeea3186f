package io.heartbeat.alert.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaLedgerTest {

  private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");

  /**
   * Intervals as metric:startMinute-endMinute, asked for [0, 100) minutes; incidents as start-end[metrics].
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # red intervals                       | incidents                          | downtime minutes
      ''                                    | ''                                 | 0
      a:10-20                               | 10-20[a]                           | 10
      a:10-20 b:30-40                       | 10-20[a] 30-40[b]                  | 20
      a:10-20 b:15-25                       | 10-25[a,b]                         | 15
      a:10-20 b:12-18                       | 10-20[a,b]                         | 10
      a:10-20 b:20-30                       | 10-30[a,b]                         | 20
      a:10-20 a:20-30                       | 10-30[a]                           | 20
      a:10-20 b:10-20 c:10-20               | 10-20[a,b,c]                       | 10
      b:30-40 a:10-35                       | 10-40[a,b]                         | 30
      a:10-20 b:50-60 c:15-55               | 10-60[a,b,c]                       | 50
      a:-30-10                              | 0-10[a]                            | 10
      a:90-130                              | 90-100[a]                          | 10
      a:-20-0 b:100-120                     | ''                                 | 0
      a:-10-110                             | 0-100[a]                           | 100
      """)
  void shouldMergeOverlapsAndNeverCountAMinuteTwice(String intervals, String incidents, double minutes) {
    List<Incident> merged = SlaLedger.incidents(parse(intervals), T0, minute(100));

    List<String> written = new ArrayList<>();
    for (Incident incident : merged) {
      written.add(offset(incident.start()) + "-" + offset(incident.end()) + "[" + String.join(",", incident.metrics())
          + "]");
    }
    assertEquals(incidents, String.join(" ", written));
    assertEquals(minutes, SlaLedger.downtimeMinutes(merged), 1e-9);
  }

  @Test
  void shouldReportAvailabilityOverThePeriodAsked() {
    SlaReport report = SlaLedger.report("core-platform", 99.9, T0, minute(1000),
        parse("a:100-110 b:105-120"));

    assertEquals(20.0, report.downtimeMinutes(), 1e-9);
    assertEquals(98.0, report.availabilityPercent(), 1e-9);
    assertEquals(1, report.incidents().size());
    assertEquals(List.of("a", "b"), report.incidents().get(0).metrics());
  }

  @Test
  void shouldSpendTheErrorBudgetOfTheMonthSoFar() {
    // March has 44,640 minutes: 99.9 % allows 44.64 minutes of downtime.
    List<RedInterval> intervals = List.of(
        new RedInterval("a", Instant.parse("2026-02-28T23:50:00Z"), Instant.parse("2026-03-01T00:10:00Z")),
        new RedInterval("b", Instant.parse("2026-03-05T10:00:00Z"), Instant.parse("2026-03-05T10:15:00Z")),
        new RedInterval("a", Instant.parse("2026-03-05T10:05:00Z"), Instant.parse("2026-03-05T10:20:00Z")),
        new RedInterval("a", Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-20T01:00:00Z")));

    ErrorBudget budget = SlaLedger.budget(99.9, intervals, Instant.parse("2026-03-10T00:00:00Z"));

    assertEquals("2026-03", budget.month().toString());
    assertEquals(44.64, budget.allowedMinutes(), 1e-9);
    assertEquals(30.0, budget.usedMinutes(), 1e-9);
    assertEquals(14.64, budget.remainingMinutes(), 1e-9);
    assertEquals(100.0 * 14.64 / 44.64, budget.remainingPercent(), 1e-9);
  }

  private static List<RedInterval> parse(String text) {
    List<RedInterval> intervals = new ArrayList<>();
    for (String item : text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+")) {
      String metric = item.substring(0, item.indexOf(':'));
      String range = item.substring(item.indexOf(':') + 1);
      int dash = range.indexOf('-', 1);
      intervals.add(new RedInterval(metric, minute(Long.parseLong(range.substring(0, dash))),
          minute(Long.parseLong(range.substring(dash + 1)))));
    }
    return intervals;
  }

  private static Instant minute(long n) {
    return T0.plusSeconds(60 * n);
  }

  private static long offset(Instant instant) {
    return (instant.getEpochSecond() - T0.getEpochSecond()) / 60;
  }

  @Test
  void shouldReportErrorTimeAsUnmeasuredBesideTheDowntimeNeverAsAvailable() {
    Instant from = T0;
    Instant to = T0.plusSeconds(100 * 60);
    // Down 10 minutes (red or stale); unmeasured 30 minutes, 5 of which overlap the downtime and count as down.
    List<RedInterval> down = List.of(new RedInterval("a", T0.plusSeconds(10 * 60), T0.plusSeconds(20 * 60)));
    List<RedInterval> unmeasured = List.of(new RedInterval("b", T0.plusSeconds(15 * 60), T0.plusSeconds(45 * 60)));

    SlaReport report = SlaLedger.report("core-platform", 99.9, from, to, down, unmeasured);

    assertEquals(10.0, report.downtimeMinutes(), 1e-9);
    assertEquals(25.0, report.unmeasuredMinutes(), 1e-9);
    assertEquals(100.0 * (1 - 10.0 / 75.0), report.availabilityPercent(), 1e-9,
        "availability of the measured 75 minutes, not of all 100");
    assertEquals(1, report.unmeasured().size());
  }
}
