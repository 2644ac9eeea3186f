package io.heartbeat.alert.notify.event;

import java.time.Instant;

/**
 * One event of notification.v1 on heartbeat.notifications, key = metricId. Each kind is its own record; all carry
 * schemaVersion 1, a deterministic id (sha256 of what identifies the fact, so a replay or a duplicate has the same
 * id), the metric and when the fact happened on the service clock.
 */
public sealed interface NotificationEvent permits ContextEvent, DeliveryEvent, RollbackEvent {

  int SCHEMA_VERSION = 1;

  String id();

  /** context, delivery or rollback. */
  String kind();

  String metricId();

  Instant occurredAt();
}
