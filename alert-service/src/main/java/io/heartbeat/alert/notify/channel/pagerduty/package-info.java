/**
 * PagerDuty, Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/): {@link
 * io.heartbeat.alert.notify.channel.pagerduty.PagerDutyChannel} with its settings and the PD-CEF event record.
 */
package io.heartbeat.alert.notify.channel.pagerduty;
