package io.heartbeat.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification rather than taken from
 * alert-service (which would only test the signer against itself): the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + raw body}, the key the base64-decoded part of the
 * {@code whsec_} secret, the header a space-separated list of {@code v1,<base64 HMAC-SHA256>} (two while a secret
 * rotates; one match is enough), compared in constant time, and a timestamp too far from now is refused as a replay.
 */
final class WebhookSignature {

  /** The specification's suggested tolerance for the timestamp. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {
  }

  /** Why the request does not verify, or null when it does. */
  static String problem(String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (id == null || timestamp == null || signatures == null) {
      return "webhook-id, webhook-timestamp or webhook-signature missing";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "webhook-timestamp is not unix seconds: " + timestamp;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return "webhook-timestamp " + seconds + " is more than " + TOLERANCE + " from now";
    }
    byte[] expected = hmac(secret, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    for (String signature : signatures.trim().split(" +")) {
      int comma = signature.indexOf(',');
      if (comma < 0 || !"v1".equals(signature.substring(0, comma))) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(signature.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return null;
      }
    }
    return "no v1 signature in '" + signatures + "' verifies";
  }

  private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
    if (!secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("a Standard Webhooks secret starts with whsec_");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
