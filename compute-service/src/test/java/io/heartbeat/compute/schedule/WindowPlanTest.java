package io.heartbeat.compute.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.VersionedDefinition;

/** Which windows come next: first window, resume, catch-up bound, definition changes. */
class WindowPlanTest {

  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final Duration LOOKBACK = Duration.ofHours(24);
  private static final VersionedDefinition ONE_MINUTE = definition("v1", "1m", 60);
  private static final VersionedDefinition FIVE_MINUTES = definition("v2", "5m", 300);

  @Test
  void shouldStartNewMetricAtItsMostRecentClosedWindow() {
    MetricSchedule metric = metric(ONE_MINUTE, null, null, at("10:07:42"), null);

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:08:30"), SETTLE, LOOKBACK, 100);

    assertEquals(List.of(window("10:06:00", "10:07:00"), window("10:07:00", "10:08:00")), windows(due));
  }

  @Test
  void shouldWaitForSettleDelay() {
    MetricSchedule metric = metric(ONE_MINUTE, null, null, at("10:07:42"), at("10:07:00"));

    assertEquals(List.of(), WindowPlan.due(metric, at("10:08:09"), SETTLE, LOOKBACK, 100));
    assertEquals(1, WindowPlan.due(metric, at("10:08:10"), SETTLE, LOOKBACK, 100).size());
  }

  @Test
  void shouldResumeAfterLastComputedWindowInOrder() {
    MetricSchedule metric = metric(ONE_MINUTE, null, null, at("09:00:00"), at("10:02:00"));

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:05:30"), SETTLE, LOOKBACK, 100);

    assertEquals(List.of(window("10:02:00", "10:03:00"), window("10:03:00", "10:04:00"),
        window("10:04:00", "10:05:00")), windows(due));
  }

  @Test
  void shouldBoundCatchUpByLookbackAndLimit() {
    MetricSchedule metric = metric(ONE_MINUTE, null, null, at("01:00:00"), at("02:00:00"));

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:05:30"), SETTLE, Duration.ofMinutes(3), 100);
    assertEquals(List.of(window("10:03:00", "10:04:00"), window("10:04:00", "10:05:00")), windows(due));

    assertEquals(1, WindowPlan.due(metric, at("10:05:30"), SETTLE, LOOKBACK, 1).size());
  }

  @Test
  void shouldNotBackComputeAfterReAdding() {
    // Window history from before a removal stays, but a re-added metric starts fresh.
    MetricSchedule metric = metric(ONE_MINUTE, null, null, at("10:30:10"), at("10:00:00"));

    assertEquals(window("10:29:00", "10:30:00"), WindowPlan.next(metric, at("10:30:20"), LOOKBACK).window());
  }

  @Test
  void shouldApplyDefinitionChangeAtNextWindow() {
    // The change arrived at 10:07:20: the window open then (10:07) keeps v0, v1 starts at 10:08.
    VersionedDefinition old = definition("v0", "1m", 60);
    MetricSchedule metric = metric(ONE_MINUTE, old, at("10:08:00"), at("09:00:00"), at("10:06:00"));

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:09:30"), SETTLE, LOOKBACK, 100);

    assertEquals(List.of(window("10:06:00", "10:07:00"), window("10:07:00", "10:08:00"),
        window("10:08:00", "10:09:00")), windows(due));
    assertEquals(List.of("v0", "v0", "v1"), due.stream().map(p -> p.definition().version()).toList());
  }

  @Test
  void shouldRealignWhenPeriodChanges() {
    // 1m -> 5m, change arrived at 10:03:20: 1m windows up to 10:04, then 5m windows aligned from 10:05.
    MetricSchedule metric = metric(FIVE_MINUTES, ONE_MINUTE, at("10:04:00"), at("09:00:00"), at("10:03:00"));

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:11:00"), SETTLE, LOOKBACK, 100);

    assertEquals(List.of(window("10:03:00", "10:04:00"), window("10:05:00", "10:10:00")), windows(due));
    assertEquals(List.of("v1", "v2"), due.stream().map(p -> p.definition().version()).toList());
  }

  @Test
  void shouldHoldLiveWindowsOfVersionWhoseHistoryRuns() {
    // v1 replaced v0 at 10:08; v1's history is still being published: v0's windows go on, v1's wait.
    VersionedDefinition old = definition("v0", "1m", 60);
    MetricSchedule metric = new MetricSchedule("m", "valid", ONE_MINUTE, old, at("10:08:00"), at("09:00:00"),
        at("10:06:00"), null, null, java.util.Set.of("v1"));

    List<PlannedWindow> due = WindowPlan.due(metric, at("10:10:30"), SETTLE, LOOKBACK, 100);

    assertEquals(List.of(window("10:06:00", "10:07:00"), window("10:07:00", "10:08:00")), windows(due));
    MetricSchedule released = new MetricSchedule("m", "valid", ONE_MINUTE, old, at("10:08:00"), at("09:00:00"),
        at("10:08:00"), null, null, java.util.Set.of());
    assertEquals(List.of(window("10:08:00", "10:09:00"), window("10:09:00", "10:10:00")),
        windows(WindowPlan.due(released, at("10:10:30"), SETTLE, LOOKBACK, 100)));
  }

  private static MetricSchedule metric(VersionedDefinition current, VersionedDefinition previous,
      Instant effectiveFrom, Instant activeSince, Instant lastRunEnd) {
    return new MetricSchedule("m", "valid", current, previous, effectiveFrom, activeSince, lastRunEnd);
  }

  private static VersionedDefinition definition(String version, String period, int seconds) {
    return new VersionedDefinition(version, new MetricDefinition(period, seconds, "select 1 as value", null, null));
  }

  private static List<Window> windows(List<PlannedWindow> planned) {
    return planned.stream().map(PlannedWindow::window).toList();
  }

  private static Window window(String start, String end) {
    return new Window(at(start), at(end));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-03-01T" + time + "Z");
  }
}
