package io.heartbeat.alert.notify.delivery;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.channel.Channel;

/**
 * The page one attempt was about, as its delivery event names it (notify.event.DeliveryEvent): the episode, the
 * metric, the receiver and its channel type, the step and the attempt's number. Never a URL, secret or body.
 */
record Page(String episodeKey, String metricId, String receiver, String channel, String step, int attempts) {

  static Page of(Notification notification, Channel channel, int attempts) {
    return new Page(notification.episodeKey(), notification.heartbeat().metricId(), channel.name(),
        channel.kind().wire(), notification.step(), attempts);
  }
}
