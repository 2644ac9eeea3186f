package io.heartbeat.alert.notify.channel.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A symmetric signing secret in the Standard Webhooks form: {@code whsec_} followed by the base64 of 24 to 64
 * random bytes. The HMAC key is the decoded bytes, not the text. Unreadable in {@link #toString()}.
 */
public final class WebhookSecret {

  public static final String PREFIX = "whsec_";
  /** The specification's bounds: at least 192 bits, at most 512. */
  static final int MIN_BYTES = 24;
  static final int MAX_BYTES = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /** Reads a {@code whsec_…} secret; the message says what is wrong with it, never the secret. */
  public static WebhookSecret parse(String serialized) {
    if (serialized == null || !serialized.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(serialized.substring(PREFIX.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a webhook secret is " + PREFIX + " and base64", e);
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES
          + " bytes, this one " + key.length);
    }
    return new WebhookSecret(key);
  }

  /** A fresh 32-byte secret, for an operator setting up an endpoint (and for tests). */
  public static WebhookSecret generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new WebhookSecret(key);
  }

  /** The {@code whsec_…} text to hand to the receiver; a secret, so never log it. */
  public String serialized() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[" + PREFIX + "****]";
  }
}
