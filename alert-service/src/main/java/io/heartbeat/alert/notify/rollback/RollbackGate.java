package io.heartbeat.alert.notify.rollback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.notify.RollbackCase;

/**
 * Whether an episode that starts firing rolls a deploy back, and if not, why: the first stage of the rollback
 * pipeline, with the checks in the order a responder asks them (is automation on, may this metric roll back, was
 * anything deployed, can it be rolled back). Pure: the facts come in, the decision goes out.
 */
final class RollbackGate {

  private RollbackGate() {
  }

  /** The decision: a deploy to roll back, or the reason nothing is. */
  record Decision(Deployment deployment, String skipped) {

    static Decision skip(String reason) {
      return new Decision(null, reason);
    }

    boolean starts() {
      return deployment != null;
    }
  }

  /**
   * deploys are the linked services' deploys that finished within the lookback before the drop, newest first, in
   * every environment; the gate keeps the allowed environments and picks the newest one that has a hook.
   */
  static Decision decide(RollbackCase episode, boolean enabled, boolean signable, List<String> environments,
      Duration lookback, List<Deployment> deploys, Instant now) {
    if (!enabled) {
      return Decision.skip("switched off for this installation (heartbeat.rollback.enabled=false)");
    }
    if (!episode.autoRollback()) {
      return Decision.skip("switched off for this metric (auto_rollback: false)");
    }
    if (!Stage.known(episode.stage()) || !Stage.fromWire(episode.stage()).mayRollBack()) {
      return Decision.skip("stage " + episode.stage() + " does not allow automation (only verified and paging do)");
    }
    // A drop judged long after it could first be known (history being learned, a backlog after an outage of the
    // judge) is not the moment to touch production: what was deployed then may have been followed by other deploys.
    if (Duration.between(episode.firedBy(), now).compareTo(lookback) > 0) {
      return Decision.skip("judged at " + now + ", long after its window closed at " + episode.firedBy()
          + ": too late for an automatic rollback");
    }
    if (episode.linkedServices().isEmpty()) {
      return Decision.skip("the metric names no linked_services");
    }
    List<Deployment> inScope = deploys.stream().filter(d -> environments.contains(d.environment())).toList();
    String window = minutes(lookback) + " min before the drop began";
    // deploys holds those that finished up to the end of the drop's first window, so "before" includes it.
    if (inScope.isEmpty()) {
      return Decision.skip("no deploy of " + String.join(", ", episode.linkedServices()) + " to "
          + String.join(" or ", environments) + " in the " + window);
    }
    Optional<Deployment> hooked = inScope.stream().filter(d -> d.rollbackUrl() != null).findFirst();
    if (hooked.isEmpty()) {
      Deployment newest = inScope.get(0);
      return Decision.skip(newest.service() + " " + newest.version() + " was deployed in the " + window
          + " but has no rollback URL");
    }
    if (!signable) {
      return Decision.skip("no signing secret configured (HEARTBEAT_ROLLBACK_SECRET), so no hook is called");
    }
    return new Decision(hooked.get(), null);
  }

  private static long minutes(Duration duration) {
    return Math.max(1, duration.toMinutes());
  }
}
