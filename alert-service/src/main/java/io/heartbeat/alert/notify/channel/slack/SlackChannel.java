package io.heartbeat.alert.notify.channel.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.ChannelKind;
import io.heartbeat.alert.notify.channel.ChannelRequest;

/**
 * Slack incoming webhook: one message per step (an incoming webhook cannot edit what it posted), the fallback text
 * plus a Block Kit layout ({@link SlackLayout}). Slack answers a plain "ok"; a refused payload is a 400 and final.
 */
public final class SlackChannel implements Channel {

  private final SlackSettings settings;

  public SlackChannel(SlackSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.SLACK;
  }

  @Override
  public Duration timeout() {
    return settings.timeout();
  }

  @Override
  public ChannelRequest request(Notification notification, Instant attemptAt) {
    return ChannelRequest.postJson(settings.uri(), Map.of(), NotificationJson.bytes(SlackLayout.of(notification)));
  }
}
