package io.heartbeat.alert.notify.channel;

import java.time.Duration;
import java.time.Instant;

import io.heartbeat.alert.notify.Notification;

/**
 * One configured destination (a PagerDuty service, an incident.io alert source, a Slack channel, a webhook
 * endpoint) that turns notifications into its vendor's request. Implementations are immutable and thread-safe, and
 * building a request does no I/O, so the delivery worker may build it on the event loop.
 */
public interface Channel {

  /** The configured name, unique among channels: with the episode key and the step, the key of the delivery log. */
  String name();

  ChannelKind kind();

  /** How long one attempt may take, connect to last byte; one slow channel must not hold up the others. */
  Duration timeout();

  /**
   * The request for one attempt to deliver {@code notification}. Build it anew for each attempt: the generic webhook
   * signs the attempt's time, and receivers refuse a signature older than a few minutes.
   */
  ChannelRequest request(Notification notification, Instant attemptAt);

  /**
   * Whether an attempt answered with this HTTP status is worth another one. By default (the vendors' documented
   * behaviour): 408, 429 (honour Retry-After) and 5xx are transient; any other 4xx says the request itself is wrong
   * and retrying would only repeat it. A 2xx is not a failure at all.
   */
  default boolean retryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }
}
