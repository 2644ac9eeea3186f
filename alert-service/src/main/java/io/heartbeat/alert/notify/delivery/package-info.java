/**
 * The delivery worker (issue 11, item 2), shaped after alertmanager's notify pipeline: claim due outbox rows per
 * receiver ({@link io.heartbeat.alert.notify.delivery.DeliveryLog}), make one attempt within the channel's timeout
 * ({@link io.heartbeat.alert.notify.delivery.HttpSender}), then record it or reschedule it with backoff ({@link
 * io.heartbeat.alert.notify.delivery.Backoff}), all driven by {@link io.heartbeat.alert.notify.delivery.DeliveryWorker}.
 * The row in PostgreSQL is the retry state, so a restart resumes and two instances never send one row at once. Its
 * times are the service clock's, so a scaled clock scales retries and ages too; a page given up for good, and the
 * next one delivered, are handed on the same transaction to notify.outage (Heartbeat's own alert).
 */
package io.heartbeat.alert.notify.delivery;
