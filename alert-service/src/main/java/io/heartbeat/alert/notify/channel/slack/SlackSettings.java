package io.heartbeat.alert.notify.channel.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.heartbeat.alert.notify.channel.Secret;

/**
 * One Slack incoming webhook. Its URL is the credential (anyone holding it may post to the channel), so it is kept
 * as a {@link Secret} and never logged.
 *
 * @param name the channel's name in routing and in the delivery log, e.g. "slack-checkout"
 * @param webhookUrl https://hooks.slack.com/services/…, from the environment
 * @param timeout how long one attempt may take
 */
public record SlackSettings(String name, Secret webhookUrl, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public SlackSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(webhookUrl, "webhook URL of Slack channel " + name);
    URI uri;
    try {
      uri = URI.create(webhookUrl.value());
    } catch (IllegalArgumentException e) {
      // The parser's message quotes the URL: say only which channel is wrong.
      throw new IllegalArgumentException("Slack channel " + name + ": the webhook URL is not a URL");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("Slack channel " + name + ": the webhook URL must be absolute");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public SlackSettings(String name, Secret webhookUrl) {
    this(name, webhookUrl, null);
  }

  URI uri() {
    return URI.create(webhookUrl.value());
  }
}
