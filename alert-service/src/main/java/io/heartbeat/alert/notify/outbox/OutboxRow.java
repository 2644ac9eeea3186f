package io.heartbeat.alert.notify.outbox;

import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;

/** One page to send: a notification for one receiver. Its id is the idempotency key of the delivery. */
public record OutboxRow(String id, String episodeKey, String receiver, String step, String status,
    String notification) {

  public static OutboxRow of(Notification notification, String receiver) {
    return new OutboxRow(key(notification.episodeKey(), receiver, notification.step()), notification.episodeKey(),
        receiver, notification.step(), notification.status().wire(), NotificationJson.encode(notification));
  }

  /** sha256(episode key|receiver|step): the same step for the same receiver is the same row, on any instance. */
  public static String key(String episodeKey, String receiver, String step) {
    return EventId.of(episodeKey, receiver, step);
  }
}
