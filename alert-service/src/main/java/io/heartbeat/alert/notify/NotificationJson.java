package io.heartbeat.alert.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of notifications and of the request bodies built from them: instants as ISO-8601 strings,
 * enums by their lower-case wire value, nulls written out. The outbox (encode, decode), the generic webhook's
 * {@code data} (docs/events/webhook.v1.json) and the vendor bodies share it, so they cannot drift apart. A private
 * mapper rather than the application's: a change to Quarkus' JSON settings must not change what receivers get.
 */
public final class NotificationJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      // A notification written by a newer version (one more field) must still be sent by an older one mid-upgrade.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private NotificationJson() {
  }

  public static String encode(Notification notification) {
    try {
      return MAPPER.writeValueAsString(notification);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notification always has a JSON form", e);
    }
  }

  public static Notification decode(String json) {
    try {
      return MAPPER.readValue(json, Notification.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a notification: " + e.getOriginalMessage(), e);
    }
  }

  /** The UTF-8 JSON of a request body (a vendor record tree), minified: exactly the bytes sent and signed. */
  public static byte[] bytes(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request bodies are records with a JSON form", e);
    }
  }
}
