/**
 * Heartbeat's own alert when it cannot page a receiver (issue 11, item 2: "a maximum age after which the failure
 * becomes our own alert"). A page given up for good (past the maximum age, or answered with a status not worth
 * retrying) opens an outage of its receiver, told as a {@link io.heartbeat.alert.notify.Notification} of the heartbeat
 * {@code heartbeat_notify} with the receiver as its dimension, and enqueued to every other receiver; later failures
 * while it is open only count; the receiver's next delivered page resolves it. All of it runs on the transaction of
 * the outbox update that decided it ({@link io.heartbeat.alert.notify.delivery.DeliveryLog}), so an outage is told
 * exactly once whatever the instances or restarts.
 */
package io.heartbeat.alert.notify.outage;
