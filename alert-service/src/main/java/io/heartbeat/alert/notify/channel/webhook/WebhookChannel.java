package io.heartbeat.alert.notify.channel.webhook;

import java.time.Duration;
import java.time.Instant;

import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.ChannelKind;
import io.heartbeat.alert.notify.channel.ChannelRequest;

/**
 * A generic webhook signed per Standard Webhooks: the payload is {@link WebhookEvent}, the headers webhook-id
 * (the same for every attempt of one step, so the receiver can dedup), webhook-timestamp (this attempt) and
 * webhook-signature. A retry re-signs with its own timestamp, which is why requests are built per attempt.
 */
public final class WebhookChannel implements Channel {

  private final WebhookSettings settings;
  private final WebhookSigner signer;

  public WebhookChannel(WebhookSettings settings) {
    this.settings = settings;
    this.signer = new WebhookSigner(settings.secrets());
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.WEBHOOK;
  }

  @Override
  public Duration timeout() {
    return settings.timeout();
  }

  @Override
  public ChannelRequest request(Notification notification, Instant attemptAt) {
    String id = messageId(notification);
    byte[] body = NotificationJson.bytes(WebhookEvent.of(id, notification));
    return ChannelRequest.postJson(settings.url(), signer.headers(id, attemptAt, body), body);
  }

  /** Per Standard Webhooks every non-2xx is a failure to retry, except 410 Gone: the receiver wants no more. */
  @Override
  public boolean retryable(int status) {
    return status != 410;
  }

  /** "msg_" + sha256(episodeKey|step): one id per step of an episode, whatever the attempt or instance. */
  public static String messageId(Notification notification) {
    return "msg_" + EventId.of(notification.episodeKey(), notification.step());
  }
}
