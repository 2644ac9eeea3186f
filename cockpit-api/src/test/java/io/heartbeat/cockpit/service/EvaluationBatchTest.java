package io.heartbeat.cockpit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.model.Status;

/** One poll reduced to the tile per metric and the point per window, without a database. */
class EvaluationBatchTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant LONG_AGO = Instant.EPOCH;

  static Stream<Arguments> tileRule() {
    return Stream.of(
        Arguments.of("later window wins", at(10, 0), at(5, 100), true),
        Arguments.of("earlier window judged later loses", at(5, 100), at(10, 0), false),
        Arguments.of("same window judged later wins", at(10, 1), at(10, 0), true),
        Arguments.of("same window judged earlier loses", at(10, 0), at(10, 1), false),
        Arguments.of("duplicate keeps the first", at(10, 0), at(10, 0), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tileRule")
  void shouldChooseTileByWindowThenJudgement(String name, EvaluationEvent candidate, EvaluationEvent current,
      boolean newer) {
    assertEquals(newer, EvaluationBatch.newer(candidate, current));
  }

  @Test
  void shouldKeepNewestPerMetricAndLatestJudgementPerWindow() {
    EvaluationEvent a1 = event("a", 1, 0);
    EvaluationEvent a3 = event("a", 3, 0);
    EvaluationEvent a2 = event("a", 2, 0);
    EvaluationEvent a3again = event("a", 3, 5);
    EvaluationEvent b1 = event("b", 1, 0);
    EvaluationEvent slice = sliced(event("b", 9, 0));
    EvaluationBatch batch = new EvaluationBatch(List.of(a1, a3, a2, a3again, b1, slice), LONG_AGO);

    assertEquals(List.of(a3again, b1), List.copyOf(batch.tiles()));
    assertEquals(List.of(a1, a3again, a2, b1), List.copyOf(batch.points()));
    assertEquals(Map.of(Outcome.APPLIED, 1, Outcome.SUPERSEDED, 4, Outcome.SLICE, 1), batch.outcomes(Set.of("a")));
  }

  @Test
  void shouldLeavePointsOutsideRetentionOffButStillConsiderThemForTheTile() {
    EvaluationEvent old = event("a", 1, 0);
    EvaluationEvent recent = event("a", 100, 0);
    EvaluationBatch batch = new EvaluationBatch(List.of(old, recent), T0.plusSeconds(50 * 300));

    assertEquals(List.of(recent), List.copyOf(batch.points()));
    assertSame(recent, batch.tiles().iterator().next());
    EvaluationBatch onlyOld = new EvaluationBatch(List.of(old), T0.plusSeconds(50 * 300));
    assertTrue(onlyOld.points().isEmpty());
    assertEquals(1, onlyOld.tiles().size());
  }

  @Test
  void shouldKeepDimensionSlicesAsSlicePointsInsideTheRetentionOnly() {
    EvaluationEvent slice = sliced(event("a", 1, 0));
    EvaluationBatch batch = new EvaluationBatch(List.of(slice), LONG_AGO);
    assertFalse(batch.empty());
    assertTrue(batch.tiles().isEmpty());
    assertEquals(List.of(slice), List.copyOf(batch.slices()));
    assertEquals(Map.of(Outcome.SLICE, 1), batch.outcomes(Set.of()));
    EvaluationBatch tooOld = new EvaluationBatch(List.of(slice), T0.plusSeconds(50 * 300));
    assertTrue(tooOld.empty());
  }

  private static EvaluationEvent at(int window, int judgedSecondsLater) {
    return event("m", window, judgedSecondsLater);
  }

  /** Window number n starts n periods of 5 minutes after T0 and is judged at its end plus a few seconds. */
  private static EvaluationEvent event(String metricId, int window, int judgedSecondsLater) {
    Instant start = T0.plusSeconds(300L * window);
    return new EvaluationEvent(1, metricId + window + "+" + judgedSecondsLater, "obs", metricId, "v1", "5m", start,
        start.plusSeconds(300), 1.0, Status.GREEN, "green", "higher_is_better", null, null, null,
        start.plusSeconds(300 + judgedSecondsLater));
  }

  private static EvaluationEvent sliced(EvaluationEvent e) {
    return new EvaluationEvent(e.schemaVersion(), e.id() + "|acme", e.observationId(), e.metricId(),
        e.definitionVersion(), e.period(), e.windowStart(), e.windowEnd(), e.value(), e.status(), e.rule(),
        e.direction(), e.thresholds(), new EvaluationEvent.Dimension("customer", "acme"), e.band(), e.evaluatedAt());
  }
}
