package io.heartbeat.alert.notify.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request per the Standard Webhooks specification: HMAC-SHA256 over {@code {id}.{timestamp}.{body}} with
 * each secret's decoded key, sent as {@code v1,<base64>}. With two secrets (rotation) both signatures are sent,
 * space-separated, so a receiver that knows either the old or the new one verifies. Also signs the rollback
 * webhook, so a deploy tool checks Heartbeat's calls the same way.
 */
public final class WebhookSigner {

  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  private final List<WebhookSecret> secrets;

  public WebhookSigner(List<WebhookSecret> secrets) {
    if (secrets == null || secrets.isEmpty()) {
      throw new IllegalArgumentException("signing needs at least one secret");
    }
    this.secrets = List.copyOf(secrets);
  }

  /** The three headers of a signed request, in the specification's names. */
  public Map<String, String> headers(String id, Instant timestamp, byte[] body) {
    long seconds = timestamp.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID, id);
    headers.put(TIMESTAMP, Long.toString(seconds));
    headers.put(SIGNATURE, signature(id, seconds, body));
    return headers;
  }

  /** {@code v1,<sig>} per secret, space-separated. */
  public String signature(String id, long timestamp, byte[] body) {
    // The signed content is delimited by '.', so an id holding one could make two messages sign alike.
    if (id == null || id.isBlank() || id.indexOf('.') >= 0) {
      throw new IllegalArgumentException("a webhook id is non-blank and has no '.'");
    }
    return secrets.stream()
        .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestamp, body)))
        .collect(Collectors.joining(" "));
  }

  static byte[] hmac(WebhookSecret secret, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
