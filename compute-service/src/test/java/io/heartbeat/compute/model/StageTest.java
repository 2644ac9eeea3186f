package io.heartbeat.compute.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which lifecycle stages compute computes: one row per stage of docs/lifecycle.md. */
class StageTest {

  @ParameterizedTest(name = "{0} computed={1}")
  @CsvSource({
      "discovery, false",
      "drafted, true",
      "backfilled, true",
      "provisional, true",
      "unverified, true",
      "owned, true",
      "verified, true",
      "paging, true",
      "deprecated, true",
      "retired, false"})
  void shouldComputeEveryStageButDiscoveryAndRetired(String wire, boolean computed) {
    Stage stage = Stage.of(wire).orElseThrow();
    assertEquals(wire, stage.wire());
    assertEquals(computed, stage.computed());
  }

  @Test
  void shouldKnowExactlyTheTenStages() {
    assertEquals(10, Stage.values().length);
    assertEquals(Optional.empty(), Stage.of("archived"));
    assertEquals(Optional.empty(), Stage.of(null));
  }
}
