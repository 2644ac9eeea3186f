package io.heartbeat.alert.deploy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of deployments ended: the (finishedAt, id) of its last row. The next page starts strictly after it
 * in the listing order (finished_at desc, id desc), so rows recorded meanwhile never shift or repeat a page.
 */
public record Cursor(Instant finishedAt, String id) {

  /** Opaque to clients: base64url of "finishedAt|id". */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((finishedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor after(Deployment last) {
    return new Cursor(last.finishedAt(), last.id());
  }

  /** The cursor, or empty when text is not one this service made. */
  public static Optional<Cursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0 || !plain.substring(bar + 1).matches("[0-9a-f]{64}")) {
        return Optional.empty();
      }
      return Optional.of(new Cursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
