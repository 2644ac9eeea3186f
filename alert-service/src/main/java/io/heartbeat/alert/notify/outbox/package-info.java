/**
 * The transactional outbox (issue 11, item 2): the one door from the judging half to the acting half. The write
 * transaction that stores an episode step calls {@link io.heartbeat.alert.notify.outbox.Outbox#enqueue}, which
 * turns each new step into a {@link io.heartbeat.alert.notify.Notification} and one alert.outbox row per receiver
 * the routes choose, keyed by (episode, receiver, step) so that a replay inserts nothing. The delivery worker
 * (notify.delivery) drains the rows.
 */
package io.heartbeat.alert.notify.outbox;
