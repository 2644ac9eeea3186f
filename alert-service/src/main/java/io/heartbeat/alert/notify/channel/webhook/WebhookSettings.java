package io.heartbeat.alert.notify.channel.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.heartbeat.alert.notify.channel.ChannelRequest;

/**
 * One generic webhook endpoint.
 *
 * @param name the channel's name in routing and in the delivery log, e.g. "webhook-statuspage"
 * @param url where to POST
 * @param secrets the signing secret, or two while rotating (the new one and the one being retired): every request
 *     is signed with each
 * @param timeout how long one attempt may take; Standard Webhooks asks receivers for 15 to 30 s at most
 */
public record WebhookSettings(String name, URI url, List<WebhookSecret> secrets, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
  /** Rotation needs two at once; more would only mean one was never retired. */
  static final int MAX_SECRETS = 2;

  public WebhookSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "URL of webhook channel " + name);
    if (!url.isAbsolute() || url.getHost() == null) {
      throw new IllegalArgumentException("webhook channel " + name + ": the URL must be absolute");
    }
    if (secrets == null || secrets.isEmpty() || secrets.size() > MAX_SECRETS) {
      throw new IllegalArgumentException("webhook channel " + name + ": one signing secret, or two while rotating");
    }
    secrets = List.copyOf(secrets);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public WebhookSettings(String name, URI url, List<WebhookSecret> secrets) {
    this(name, url, secrets, null);
  }

  /** A receiver's URL often carries its own credential in the path or query, so only its origin shows. */
  @Override
  public String toString() {
    return "WebhookSettings[name=" + name + ", url=" + ChannelRequest.origin(url) + ", secrets=" + secrets
        + ", timeout=" + timeout + "]";
  }
}
