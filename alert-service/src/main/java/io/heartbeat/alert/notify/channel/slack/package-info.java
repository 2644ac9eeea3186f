/**
 * Slack, incoming webhook with Block Kit (https://docs.slack.dev/reference/block-kit/blocks): {@link
 * io.heartbeat.alert.notify.channel.slack.SlackChannel}, the message records and the layout within Slack's limits.
 */
package io.heartbeat.alert.notify.channel.slack;
