package io.heartbeat.alert.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The automatic rollback's switches: on or off for the whole installation (a metric turns it off for itself with
 * its {@code auto_rollback: false} header key), how far before the drop a deploy counts, which environments are
 * rolled back, and how the hook is called.
 */
@ConfigMapping(prefix = "heartbeat.rollback")
public interface RollbackSettings {

  /** The global switch: false records every rollback as skipped, "switched off". */
  @WithDefault("true")
  boolean enabled();

  /** A deploy that finished this long or less before the drop began is the one rolled back. */
  @WithDefault("30m")
  Duration lookback();

  /**
   * Only deploys to these environments are rolled back: Heartbeat watches production outcomes, and a staging
   * deploy finishing just before a production drop did not cause it.
   */
  @WithDefault("production")
  List<String> environments();

  /**
   * The signing secret (whsec_…, Standard Webhooks), or two separated by a space while rotating. Without one no hook
   * is called: every rollback is skipped, and the reason says so. Read from HEARTBEAT_ROLLBACK_SECRET.
   */
  Optional<String> secret();

  /** How long one call to the hook may take. */
  @WithDefault("10s")
  Duration timeout();

  /** A hook still failing (no answer, 5xx, 429) this long after the episode fired is recorded failed. */
  @WithDefault("10m")
  Duration maxAge();

  /** How often the worker looks for rollbacks to call. */
  @WithDefault("1s")
  Duration pollEvery();
}
