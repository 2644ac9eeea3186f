/**
 * Channels: one package per vendor (as alertmanager keeps one package per integration), each turning a {@link
 * io.heartbeat.alert.notify.Notification} into its vendor's documented HTTP request. A channel only builds the
 * request ({@link io.heartbeat.alert.notify.channel.ChannelRequest}); the delivery worker sends it with the Vert.x
 * web client, within the channel's own timeout, and asks the channel whether a failure is worth a retry.
 */
package io.heartbeat.alert.notify.channel;
