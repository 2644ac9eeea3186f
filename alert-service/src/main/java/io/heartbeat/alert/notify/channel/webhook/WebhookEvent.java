package io.heartbeat.alert.notify.channel.webhook;

import java.time.Instant;

import io.heartbeat.alert.notify.Notification;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The generic webhook's payload, docs/events/webhook.v1.json: the Standard Webhooks envelope ({@code type},
 * {@code timestamp} of the event, {@code data}) with Heartbeat's {@code schemaVersion} and the message {@code id}
 * that is also the webhook-id header, so a receiver may dedup on either.
 *
 * @param type heartbeat.alert.firing, heartbeat.alert.updated or heartbeat.alert.resolved
 * @param timestamp when the step happened; not the attempt's time, which is in webhook-timestamp
 */
@RegisterForReflection
public record WebhookEvent(int schemaVersion, String type, String id, Instant timestamp, Notification data) {

  public static final int SCHEMA_VERSION = 1;

  static WebhookEvent of(String id, Notification notification) {
    return new WebhookEvent(SCHEMA_VERSION, "heartbeat.alert." + notification.status().wire(), id,
        notification.occurredAt(), notification);
  }
}
