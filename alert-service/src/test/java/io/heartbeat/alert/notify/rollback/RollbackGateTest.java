package io.heartbeat.alert.notify.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.deploy.RollbackUrl;
import io.heartbeat.alert.notify.RollbackCase;

/** Every reason not to roll back, in the order a responder asks, and the deploy picked when one is rolled back. */
class RollbackGateTest {

  private static final Instant DROP = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant NOW = DROP.plusSeconds(180);
  private static final Duration LOOKBACK = Duration.ofMinutes(30);
  private static final List<String> PRODUCTION = List.of("production");

  @Test
  void shouldRollBackTheNewestHookedProductionDeploy() {
    Deployment staging = deploy("api", "9.9", "staging", 1, true);
    Deployment newest = deploy("api", "1.42", "production", 4, true);
    Deployment older = deploy("web", "7.0", "production", 20, true);
    var decision = RollbackGate.decide(episode("paging", true, "api", "web"), true, true, PRODUCTION, LOOKBACK,
        List.of(staging, newest, older), NOW);
    assertTrue(decision.starts());
    assertEquals(newest, decision.deployment());
    assertNull(decision.skipped());
  }

  @Test
  void shouldSayWhyNothingIsRolledBack() {
    List<Deployment> recent = List.of(deploy("api", "1.42", "production", 4, true));
    assertSkipped("switched off for this installation", RollbackGate.decide(episode("paging", true, "api"), false,
        true, PRODUCTION, LOOKBACK, recent, NOW));
    assertSkipped("switched off for this metric (auto_rollback: false)", RollbackGate.decide(
        episode("paging", false, "api"), true, true, PRODUCTION, LOOKBACK, recent, NOW));
    for (String stage : List.of("discovery", "provisional", "unverified", "owned", "deprecated")) {
      assertSkipped("stage " + stage + " does not allow automation", RollbackGate.decide(
          episode(stage, true, "api"), true, true, PRODUCTION, LOOKBACK, recent, NOW));
    }
    assertSkipped("too late for an automatic rollback", RollbackGate.decide(episode("verified", true, "api"), true,
        true, PRODUCTION, LOOKBACK, recent, DROP.plus(Duration.ofHours(2))));
    assertSkipped("the metric names no linked_services", RollbackGate.decide(episode("paging", true), true, true,
        PRODUCTION, LOOKBACK, recent, NOW));
    assertSkipped("no deploy of api to production in the 30 min before the drop began", RollbackGate.decide(
        episode("paging", true, "api"), true, true, PRODUCTION, LOOKBACK,
        List.of(deploy("api", "2.0", "staging", 3, true)), NOW));
    assertSkipped("api 1.42 was deployed in the 30 min before the drop began but has no rollback URL",
        RollbackGate.decide(episode("paging", true, "api"), true, true, PRODUCTION, LOOKBACK,
            List.of(deploy("api", "1.42", "production", 4, false)), NOW));
    assertSkipped("no signing secret configured", RollbackGate.decide(episode("paging", true, "api"), true, false,
        PRODUCTION, LOOKBACK, recent, NOW));
  }

  private static void assertSkipped(String reason, RollbackGate.Decision decision) {
    assertTrue(!decision.starts() && decision.skipped().contains(reason), reason + " / " + decision.skipped());
  }

  private static RollbackCase episode(String stage, boolean auto, String... services) {
    return new RollbackCase("key", "m", "Metric", stage, auto, List.of(services), DROP, DROP.plusSeconds(60),
        DROP.plusSeconds(60),
        "dropped", "http://cockpit/#m");
  }

  private static Deployment deploy(String service, String version, String environment, int minutesBefore,
      boolean hook) {
    Instant finished = DROP.minus(Duration.ofMinutes(minutesBefore));
    return Deployment.of(service, version, environment, finished.minusSeconds(60), finished, "abc", "ci",
        hook ? RollbackUrl.parse("https://deploy.example.com/rollback?token=t").url().orElseThrow() : null);
  }
}
