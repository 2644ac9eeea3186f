package io.heartbeat.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationStateTest {

  @ParameterizedTest(name = "{0} after {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "discovery,   none,       unverified",
      "drafted,     none,       unverified",
      "backfilled,  none,       unverified",
      "provisional, none,       unverified",
      "unverified,  verified,   unverified",
      "owned,       unverified, owned",
      "owned,       verified,   owned",
      "verified,    owned,      verified",
      "paging,      verified,   verified",
      "paging,      none,       verified",
      "deprecated,  verified,   verified",
      "deprecated,  owned,      owned",
      "deprecated,  unverified, unverified",
      "deprecated,  none,       unverified",
      "retired,     verified,   verified",
      "retired,     none,       unverified"})
  void shouldFollowTheStage(String stage, String previous, String expected) {
    assertEquals(expected, VerificationState.at(Stage.fromWire(stage), VerificationState.fromWire(previous)).wire());
  }

  @Test
  void shouldNotReadRetiredSpellings() {
    assertNull(VerificationState.fromWire("pending_review"));
    assertNull(VerificationState.fromWire(null));
  }

  @Test
  void shouldOverlayTheDerivedStateWhateverIsStored() {
    MetricDefinition file = new MetricDefinition("Checkouts", "CHKO", "5m", 300, Direction.HIGHER_IS_BETTER, "count",
        "how", "method", java.util.List.of(), "select 1 as value", null, null, null, null, null, null, null, null,
        java.util.List.of(), java.util.List.of(), true, null, null, Stage.UNVERIFIED, null, null, null, null, null);
    // A stored state from before the rule (or written by hand) cannot contradict the stage in what consumers see.
    OperatorFields stale = new OperatorFields(null, null, null, null, null, null, "verified", null, Stage.OWNED);
    assertEquals("owned", stale.overlay(file).verificationState());
    assertEquals("unverified", OperatorFields.NONE.overlay(file).verificationState());
    OperatorFields deprecated = new OperatorFields(null, null, null, null, null, null, "verified", null,
        Stage.DEPRECATED);
    assertEquals("verified", deprecated.overlay(file).verificationState());
  }
}
