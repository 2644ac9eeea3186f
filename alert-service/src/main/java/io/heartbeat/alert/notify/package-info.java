/**
 * The acting side's own model of one step of an alert episode, as every channel needs it: {@link
 * io.heartbeat.alert.notify.Notification} and the records it is made of. It imports nothing of the judging core
 * ({@code band}, {@code judge}, {@code episode}, {@code series}): the write transaction that stores an episode change
 * fills a Notification, and from there on the acting code (outbox, delivery, channels) reads only this tree. That
 * keeps a later split of the acting half into its own service a move, not a rewrite. Channels, one package per
 * vendor, live in {@code notify.channel}.
 */
package io.heartbeat.alert.notify;
