package io.heartbeat.alert.notify.rollback;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.RollbackSettings;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.heartbeat.alert.notify.channel.webhook.WebhookSigner;
import io.quarkus.logging.Log;

/**
 * Signs rollback calls like the generic webhook (Standard Webhooks), with HEARTBEAT_ROLLBACK_SECRET: one whsec_
 * secret, or two separated by a space while rotating. A secret that does not parse stops the service at start
 * (its message names what is wrong, never the secret); none at all leaves automation without a key, and every
 * rollback is skipped with that reason.
 */
@ApplicationScoped
public class RollbackSigning {

  private final Optional<WebhookSigner> signer;

  public RollbackSigning(RollbackSettings settings) {
    Optional<String> configured = settings.secret().map(String::strip).filter(s -> !s.isEmpty());
    if (configured.isEmpty()) {
      if (settings.enabled()) {
        Log.warn("Automatic rollback has no signing secret (HEARTBEAT_ROLLBACK_SECRET): rollbacks are skipped");
      }
      this.signer = Optional.empty();
      return;
    }
    List<WebhookSecret> secrets;
    try {
      secrets = Arrays.stream(configured.get().split("\\s+")).map(WebhookSecret::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("heartbeat.rollback.secret (HEARTBEAT_ROLLBACK_SECRET): " + e.getMessage());
    }
    if (secrets.size() > 2) {
      throw new IllegalArgumentException("heartbeat.rollback.secret (HEARTBEAT_ROLLBACK_SECRET): one secret, or two"
          + " while rotating, not " + secrets.size());
    }
    this.signer = Optional.of(new WebhookSigner(secrets));
  }

  boolean available() {
    return signer.isPresent();
  }

  Map<String, String> headers(String id, Instant at, byte[] body) {
    return signer.orElseThrow(() -> new IllegalStateException("no rollback signing secret")).headers(id, at, body);
  }
}
