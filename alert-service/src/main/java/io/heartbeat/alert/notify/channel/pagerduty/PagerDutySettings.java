package io.heartbeat.alert.notify.channel.pagerduty;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.heartbeat.alert.notify.channel.Secret;

/**
 * One PagerDuty service reached through its Events API v2 integration.
 *
 * @param name the channel's name in routing and in the delivery log, e.g. "pagerduty-engineering"
 * @param routingKey the integration key of the service's Events API v2 integration, from the environment
 * @param endpoint the enqueue URL: {@link #ENQUEUE} unless the account lives in another region
 *     (https://events.eu.pagerduty.com/v2/enqueue)
 * @param timeout how long one attempt may take
 */
public record PagerDutySettings(String name, Secret routingKey, URI endpoint, Duration timeout) {

  public static final URI ENQUEUE = URI.create("https://events.pagerduty.com/v2/enqueue");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** PagerDuty refuses any other length with a 400 ("should be 32 characters"): fail at start, not at 3 a.m. */
  static final int ROUTING_KEY_LENGTH = 32;

  public PagerDutySettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(routingKey, "routing key of PagerDuty channel " + name);
    if (routingKey.value().length() != ROUTING_KEY_LENGTH) {
      // Says which channel and what is wrong, never the key itself.
      throw new IllegalArgumentException("PagerDuty channel " + name + ": the routing key must have "
          + ROUTING_KEY_LENGTH + " characters, it has " + routingKey.value().length());
    }
    endpoint = endpoint == null ? ENQUEUE : endpoint;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public PagerDutySettings(String name, Secret routingKey) {
    this(name, routingKey, null, null);
  }
}
