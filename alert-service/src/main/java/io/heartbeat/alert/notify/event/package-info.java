/**
 * The acting half's feed, heartbeat.notifications (docs/events/notification.v1.json): what the cockpit can learn of
 * pages, rollbacks and the responder context only from topics. Each event is written into alert.notification_event
 * on the transaction of the state change it tells (a step stored with its context, a delivery attempt recorded, a
 * rollback decided or finished), and {@link io.heartbeat.alert.notify.event.NotificationRelay} publishes the rows
 * after commit: a crash between the commit and the send delays an event, never loses it.
 */
package io.heartbeat.alert.notify.event;
