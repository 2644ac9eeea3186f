/**
 * The generic webhook, signed per the Standard Webhooks specification (https://www.standardwebhooks.com, spec
 * version 1.0.0): {@link io.heartbeat.alert.notify.channel.webhook.WebhookChannel}, the payload of
 * docs/events/webhook.v1.json, the whsec_ secrets, the signer (also for the rollback webhook) and the verifier
 * receivers may use.
 */
package io.heartbeat.alert.notify.channel.webhook;
