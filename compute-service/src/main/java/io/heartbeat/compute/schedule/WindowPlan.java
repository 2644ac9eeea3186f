package io.heartbeat.compute.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.VersionedDefinition;

/**
 * Which windows of a metric come next: consecutive windows from the last computed one, or from the most recent
 * window closed when the metric was first seen (no back-computing), never further back than the lookback. None of
 * a definition version whose history is still being published: its live windows follow once it is.
 */
public final class WindowPlan {

  private WindowPlan() {
  }

  /** The next window to compute, due or not. */
  public static PlannedWindow next(MetricSchedule metric, Instant now, Duration maxLookback) {
    return following(metric, resumePoint(metric, now, maxLookback));
  }

  /** Due windows in order, at most {@code limit}. */
  public static List<PlannedWindow> due(MetricSchedule metric, Instant now, Duration settleDelay,
      Duration maxLookback, int limit) {
    List<PlannedWindow> due = new ArrayList<>();
    Instant cursor = resumePoint(metric, now, maxLookback);
    while (due.size() < limit) {
      PlannedWindow planned = following(metric, cursor);
      if (!WindowClock.isDue(planned.window(), now, settleDelay) || metric.awaitsHistory(planned.definition())) {
        break;
      }
      due.add(planned);
      cursor = planned.window().end();
    }
    return due;
  }

  private static Instant resumePoint(MetricSchedule metric, Instant now, Duration maxLookback) {
    Instant activeSince = metric.activeSince();
    Instant cursor = WindowClock.lastClosed(activeSince, metric.definitionAt(activeSince).definition().length()).start();
    if (metric.lastRunEnd() != null && metric.lastRunEnd().isAfter(cursor)) {
      cursor = metric.lastRunEnd();
    }
    Instant oldest = now.minus(maxLookback);
    return cursor.isBefore(oldest) ? oldest : cursor;
  }

  /** The first window starting at or after {@code cursor}, under the definition in force for it. */
  private static PlannedWindow following(MetricSchedule metric, Instant cursor) {
    VersionedDefinition definition = metric.definitionAt(cursor);
    Duration period = definition.definition().length();
    Instant start = WindowClock.ceil(cursor, period);
    Instant end = start.plus(period);
    if (definition != metric.current() && end.isAfter(metric.effectiveFrom())) {
      // The old definition's window would run past the change: the new one (maybe another period) takes over.
      definition = metric.current();
      period = definition.definition().length();
      start = WindowClock.ceil(metric.effectiveFrom(), period);
      end = start.plus(period);
    }
    return new PlannedWindow(new Window(start, end), definition);
  }
}
