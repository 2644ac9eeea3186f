package io.heartbeat.alert.notify.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Receiver.Reply;

/**
 * A webhook receiver written from the Standard Webhooks specification alone, sharing no code with the sender (nor
 * with the main WebhookVerifier): it knows the secrets as {@code whsec_} text, decodes them itself, recomputes
 * HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{raw body}", accepts when any "v1," signature of the header
 * equals it (constant-time) and the timestamp is within 5 minutes of its clock; else 401 with the reason.
 */
public final class SpecReceiver {

  private static final long TOLERANCE_SECONDS = 5 * 60;

  private final List<byte[]> keys = new ArrayList<>();
  private final Clock clock;

  public SpecReceiver(Clock clock, String... whsecSecrets) {
    this.clock = clock;
    for (String secret : whsecSecrets) {
      keys.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }
  }

  public Reply receive(Received request) {
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    String signatures = request.header("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return Reply.text(401, "missing webhook headers");
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Reply.text(401, "timestamp is not unix seconds");
    }
    if (Math.abs(clock.instant().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
      return Reply.text(401, "timestamp outside tolerance");
    }
    byte[] content = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), request.body());
    for (byte[] key : keys) {
      byte[] expected = hmacSha256(key, content);
      for (String signature : signatures.split(" ")) {
        String[] parts = signature.split(",", 2);
        if (parts.length == 2 && parts[0].equals("v1")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
          return Reply.text(204, "");
        }
      }
    }
    return Reply.text(401, "no valid signature");
  }

  private static byte[] hmacSha256(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
