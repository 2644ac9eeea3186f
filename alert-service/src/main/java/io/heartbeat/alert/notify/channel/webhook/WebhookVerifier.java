package io.heartbeat.alert.notify.channel.webhook;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Verifies a Standard Webhooks signature, for receivers of Heartbeat's webhooks (a rollback hook, an integration
 * test): the timestamp within the tolerance (5 minutes by default) against replays, then any {@code v1} signature
 * of the header matching any known secret, compared in constant time so the comparison leaks nothing. A header may
 * carry signatures of other schemes (v1a); they are skipped, not refused.
 */
public final class WebhookVerifier {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;

  public WebhookVerifier(List<WebhookSecret> secrets, Duration tolerance) {
    if (secrets == null || secrets.isEmpty()) {
      throw new IllegalArgumentException("verifying needs at least one secret");
    }
    this.secrets = List.copyOf(secrets);
    this.tolerance = tolerance;
  }

  public WebhookVerifier(List<WebhookSecret> secrets) {
    this(secrets, DEFAULT_TOLERANCE);
  }

  /** Verifies the three header values and the raw body bytes, as received, against {@code now}. */
  public Verification verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (id == null || timestamp == null || signatures == null) {
      return Verification.MISSING_HEADER;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verification.BAD_TIMESTAMP;
    }
    long skew = now.getEpochSecond() - seconds;
    if (skew > tolerance.toSeconds()) {
      return Verification.TOO_OLD;
    }
    if (-skew > tolerance.toSeconds()) {
      return Verification.TOO_NEW;
    }
    for (WebhookSecret secret : secrets) {
      byte[] expected = WebhookSigner.hmac(secret, id, seconds, body);
      for (String signature : signatures.strip().split("\\s+")) {
        if (matches(signature, expected)) {
          return Verification.VALID;
        }
      }
    }
    return Verification.NO_MATCHING_SIGNATURE;
  }

  private static boolean matches(String signature, byte[] expected) {
    int comma = signature.indexOf(',');
    if (comma < 0 || !signature.substring(0, comma).equals("v1")) {
      return false;
    }
    try {
      return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(comma + 1)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
