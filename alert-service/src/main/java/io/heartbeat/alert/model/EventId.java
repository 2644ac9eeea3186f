package io.heartbeat.alert.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic event ids: sha256 hex of the identifying fields joined by '|'. */
public final class EventId {

  private EventId() {
  }

  public static String of(String... parts) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
