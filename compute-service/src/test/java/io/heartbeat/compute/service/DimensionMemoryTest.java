package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.compute.model.Dimension;
import io.heartbeat.compute.model.ObservationError;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;

/** Zero fill, one row per case: what the window returned, what was remembered, what is published. */
class DimensionMemoryTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration MEMORY = Duration.ofHours(24);

  static Stream<Arguments> cases() {
    Instant hourAgo = START.minus(Duration.ofHours(1));
    Instant twoDaysAgo = START.minus(Duration.ofDays(2));
    return Stream.of(
        Arguments.of("vanished value filled", ok(), List.of("eu"), Map.of("eu", hourAgo, "us", hourAgo), false,
            List.of("ok 10 *", "ok 10 eu", "ok 0 us filled count=null")),
        Arguments.of("count 0 with min_count", ok(), List.of(), Map.of("us", hourAgo), true,
            List.of("ok 10 *", "ok 0 us filled count=0")),
        Arguments.of("forgotten after memory", ok(), List.of(), Map.of("us", twoDaysAgo), false,
            List.of("ok 10 *")),
        Arguments.of("error window fills nothing", error(), List.of(), Map.of("us", hourAgo), false,
            List.of("error null *")),
        Arguments.of("empty total fills nothing", empty(), List.of(), Map.of("us", hourAgo), false,
            List.of("empty null *")),
        Arguments.of("seen after this window is no memory", ok(), List.of(), Map.of("us", START.plusSeconds(60)),
            false, List.of("ok 10 *")),
        Arguments.of("nothing remembered", ok(), List.of("eu"), Map.of(), false, List.of("ok 10 *", "ok 10 eu")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldFillRememberedValuesThatVanish(String name, ObservationEvent total, List<String> returned,
      Map<String, Instant> seen, boolean withCount, List<String> expected) {
    List<ObservationEvent> observations = new ArrayList<>(List.of(total));
    returned.forEach(value -> observations.add(observation(Status.OK, BigDecimal.TEN, value, null)));

    DimensionMemory.Outcome outcome = DimensionMemory.fill(observations, seen, "region", MEMORY, withCount);

    assertEquals(expected, outcome.observations().stream().map(DimensionMemoryTest::describe).toList());
    returned.forEach(value -> assertEquals(START, outcome.seen().get(value), "remembered at this window"));
    assertTrue(outcome.seen().values().stream().noneMatch(last -> last.isBefore(START.minus(MEMORY))),
        "older values are forgotten");
    outcome.observations().stream().filter(ObservationEvent::zeroFilled).forEach(o -> assertEquals(
        ObservationEvent.idOf("m", "v1", START, o.dimension()), o.id(), "a fill has the value's deterministic id"));
  }

  private static ObservationEvent ok() {
    return observation(Status.OK, BigDecimal.TEN, null, null);
  }

  private static ObservationEvent empty() {
    return observation(Status.EMPTY, null, null, null);
  }

  private static ObservationEvent error() {
    return observation(Status.ERROR, null, null, new ObservationError("boom", null));
  }

  private static ObservationEvent observation(Status status, BigDecimal value, String region, ObservationError error) {
    Dimension dimension = region == null ? null : new Dimension("region", region);
    return new ObservationEvent(1, ObservationEvent.idOf("m", "v1", START, dimension), "m", "v1", "1m", START,
        START.plusSeconds(60), START.plusSeconds(70), status, value, dimension, error, null, null);
  }

  private static String describe(ObservationEvent o) {
    String text = o.status().wire() + " " + (o.value() == null ? "null" : o.value().toPlainString()) + " "
        + (o.dimension() == null ? "*" : o.dimension().value());
    return o.zeroFilled() ? text + " filled count=" + o.count() : text;
  }
}
