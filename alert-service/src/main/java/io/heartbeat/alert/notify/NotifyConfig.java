package io.heartbeat.alert.notify;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the acting half: where the routes are, and how the delivery worker drains the outbox. */
@ConfigMapping(prefix = "heartbeat.notify")
public interface NotifyConfig {

  /** The versioned routes file (YAML); none, or a path with no file, means no notifications. */
  Optional<String> routesFile();

  /** The cockpit's base URL; a page links to the metric at {cockpit-url}/#{metricId}. */
  @WithDefault("http://localhost:8080")
  String cockpitUrl();

  /**
   * alert-service's base URL as responders reach it: Heartbeat's own alert about a receiver it cannot page links to
   * {alert-url}/api/alerts/{key}/deliveries of the page that failed.
   */
  @WithDefault("http://localhost:8183")
  String alertUrl();

  /** How often the worker looks for due deliveries. */
  @WithDefault("1s")
  Duration pollEvery();

  /** Attempts in flight at once per receiver: a slow receiver uses up its own slots, never another's. */
  @WithDefault("4")
  int inFlight();

  /** The first retry's delay; each further one doubles it, up to backoff-max, with full jitter. */
  @WithDefault("2s")
  Duration backoffInitial();

  @WithDefault("5m")
  Duration backoffMax();

  /** A delivery still failing this long after its step is given up and marked failed (itself counted and logged). */
  @WithDefault("1h")
  Duration maxAge();

  /**
   * How long a claimed row stays invisible to other instances while its attempt runs; longer than any channel's
   * timeout, so two instances never send the same row at once. A crash mid-attempt retries it after the lease.
   */
  @WithDefault("2m")
  Duration lease();
}
