package io.heartbeat.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.registry.model.Stage;

class LifecycleTest {

  @ParameterizedTest(name = "{0} -> {1} as {2}: {3}")
  @CsvSource({
      "discovery, drafted, OPERATOR, true",
      "drafted, backfilled, OPERATOR, true",
      "provisional, unverified, OPERATOR, true",
      "unverified, owned, OPERATOR, true",
      "owned, verified, OPERATOR, true",
      "verified, paging, OPERATOR, false",
      "verified, paging, ADMIN, true",
      "paging, verified, OPERATOR, true",
      "unverified, paging, ADMIN, false",
      "owned, deprecated, OPERATOR, false",
      "owned, deprecated, ADMIN, true",
      "deprecated, retired, ADMIN, true",
      "retired, unverified, ADMIN, false",
      "deprecated, unverified, ADMIN, true",
      "discovery, paging, ADMIN, false",
  })
  void shouldAllowOnlyDocumentedMoves(String from, String to, Lifecycle.Role role, boolean allowed) {
    assertEquals(allowed, Lifecycle.allowedFor(role, Stage.fromWire(from), Stage.fromWire(to)));
  }

  @ParameterizedTest
  @CsvSource({"verified, true", "paging, true", "owned, false", "unverified, false", "deprecated, false"})
  void onlyVerifiedAndPagingMayTriggerAutomation(String stage, boolean automation) {
    assertEquals(automation, Lifecycle.mayTriggerAutomation(Stage.fromWire(stage)));
  }
}
