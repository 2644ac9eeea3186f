package io.heartbeat.alert.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the red intervals of an SLA's member metrics into downtime: clipped to the period asked, overlaps merged so a
 * minute in which two metrics were red counts once. Pure: table-tested.
 */
public final class SlaLedger {

  private SlaLedger() {
  }

  /** Incidents within [from, to), in time order; intervals that overlap or touch are one incident. */
  public static List<Incident> incidents(List<RedInterval> intervals, Instant from, Instant to) {
    List<RedInterval> clipped = intervals.stream()
        .map(i -> new RedInterval(i.metricId(), max(i.start(), from), min(i.end(), to)))
        .filter(i -> i.start().isBefore(i.end()))
        .sorted(Comparator.comparing(RedInterval::start).thenComparing(RedInterval::end))
        .toList();
    List<Incident> incidents = new ArrayList<>();
    Instant start = null;
    Instant end = null;
    TreeSet<String> metrics = new TreeSet<>();
    for (RedInterval interval : clipped) {
      if (start != null && interval.start().isAfter(end)) {
        incidents.add(incident(start, end, metrics));
        start = null;
        metrics = new TreeSet<>();
      }
      if (start == null) {
        start = interval.start();
        end = interval.end();
      }
      end = max(end, interval.end());
      metrics.add(interval.metricId());
    }
    if (start != null) {
      incidents.add(incident(start, end, metrics));
    }
    return incidents;
  }

  public static double downtimeMinutes(List<Incident> incidents) {
    return incidents.stream().mapToDouble(Incident::minutes).sum();
  }

  /**
   * The report for [from, to); the error budget is that of the month in which the period ends, spent from the
   * month's first instant up to to, against targetPercent (e.g. 99.9 allows 0.1 % of the month's minutes).
   * intervals must cover [min(from, start of that month), to).
   */
  public static SlaReport report(String sla, double targetPercent, Instant from, Instant to,
      List<RedInterval> intervals) {
    return report(sla, targetPercent, from, to, intervals, List.of());
  }

  /** The report with unmeasured stretches (errors) beside the downtime; a minute that is both counts as down. */
  public static SlaReport report(String sla, double targetPercent, Instant from, Instant to,
      List<RedInterval> intervals, List<RedInterval> unmeasuredIntervals) {
    List<Incident> incidents = incidents(intervals, from, to);
    List<Incident> unmeasured = incidents(unmeasuredIntervals, from, to);
    double downtime = downtimeMinutes(incidents);
    double unmeasuredMinutes = Math.max(0, downtimeMinutes(unmeasured) - overlapMinutes(unmeasured, incidents));
    double span = Duration.between(from, to).toMillis() / 60_000.0;
    double measured = span - unmeasuredMinutes;
    double availability = measured <= 0 ? 100.0 : 100.0 * (1 - downtime / measured);
    return new SlaReport(sla, from, to, targetPercent, availability, downtime, unmeasuredMinutes, incidents,
        unmeasured, budget(targetPercent, intervals, to));
  }

  /** Minutes covered by both lists (each already merged, so neither overlaps itself). */
  static double overlapMinutes(List<Incident> a, List<Incident> b) {
    double minutes = 0;
    for (Incident x : a) {
      for (Incident y : b) {
        Instant start = max(x.start(), y.start());
        Instant end = min(x.end(), y.end());
        if (start.isBefore(end)) {
          minutes += Duration.between(start, end).toMillis() / 60_000.0;
        }
      }
    }
    return minutes;
  }

  /** The first instant of the month in which a period ending at end (exclusive) ends. */
  public static Instant monthStart(Instant end) {
    YearMonth month = YearMonth.from(end.minusMillis(1).atOffset(ZoneOffset.UTC));
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The error budget of the month in which end falls, spent up to end; intervals must cover that month to end. */
  public static ErrorBudget budget(double targetPercent, List<RedInterval> intervals, Instant end) {
    Instant monthStart = monthStart(end);
    YearMonth month = YearMonth.from(monthStart.atOffset(ZoneOffset.UTC));
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    double monthMinutes = Duration.between(monthStart, monthEnd).toMinutes();
    double allowed = monthMinutes * (100.0 - targetPercent) / 100.0;
    double used = downtimeMinutes(incidents(intervals, monthStart, end));
    double remaining = allowed - used;
    return new ErrorBudget(month, allowed, used, remaining, allowed == 0 ? 0.0 : 100.0 * remaining / allowed);
  }

  private static Incident incident(Instant start, Instant end, TreeSet<String> metrics) {
    return new Incident(start, end, Duration.between(start, end).toMillis() / 60_000.0, List.copyOf(metrics));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
