package io.heartbeat.compute.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.heartbeat.compute.model.Dimension;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;

/**
 * Zero fill for vanishing dimension values, pure so the live schedule and the history share it: a value seen within
 * {@code memory} before a window that returns no row in it is published as ok, 0, {@code filled: true} (a customer
 * dropping to zero is news; a missing series is silence). Only when the window's total came back ok.
 */
public final class DimensionMemory {

  private DimensionMemory() {
  }

  /** The window's observations with the fills appended, and what is remembered after it (value -> last window). */
  public record Outcome(List<ObservationEvent> observations, Map<String, Instant> seen) {
  }

  /**
   * @param seen      dimension value -> start of the last window that returned it (never modified)
   * @param withCount whether a fill carries count 0 (the metric has min_count or a count column) rather than null
   */
  public static Outcome fill(List<ObservationEvent> observations, Map<String, Instant> seen, String kind,
      Duration memory, boolean withCount) {
    ObservationEvent total = observations.get(0);
    Instant start = total.windowStart();
    Instant oldest = start.minus(memory);
    Map<String, Instant> next = new HashMap<>();
    seen.forEach((value, last) -> {
      if (!last.isBefore(oldest)) {
        next.put(value, last);
      }
    });
    if (kind == null || total.status() != Status.OK) {
      return new Outcome(observations, next);
    }
    Set<String> returned = new HashSet<>();
    for (ObservationEvent observation : observations) {
      if (observation.dimension() != null) {
        returned.add(observation.dimension().value());
      }
    }
    List<ObservationEvent> filled = new ArrayList<>(observations);
    // Sorted, so a recomputed window lists its fills in the same order.
    for (String value : new TreeSet<>(next.keySet())) {
      // A value last seen after this window (a newer window computed first) is no memory of this one.
      if (!returned.contains(value) && next.get(value).isBefore(start)) {
        filled.add(zero(total, new Dimension(kind, value), withCount));
      }
    }
    returned.forEach(value -> next.merge(value, start, (a, b) -> a.isAfter(b) ? a : b));
    return new Outcome(filled, next);
  }

  /** Fills carry count 0 when the metric judges by count (min_count) or value_sql returns one. */
  public static boolean withCount(BigDecimal minCount, List<ObservationEvent> observations) {
    return minCount != null || observations.stream().anyMatch(observation -> observation.count() != null);
  }

  private static ObservationEvent zero(ObservationEvent total, Dimension dimension, boolean withCount) {
    return new ObservationEvent(total.schemaVersion(),
        ObservationEvent.idOf(total.metricId(), total.definitionVersion(), total.windowStart(), dimension),
        total.metricId(), total.definitionVersion(), total.period(), total.windowStart(), total.windowEnd(),
        total.computedAt(), Status.OK, BigDecimal.ZERO, dimension, null, withCount ? BigDecimal.ZERO : null, true);
  }
}
