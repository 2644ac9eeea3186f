package io.heartbeat.alert.notify.channel.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** whsec_ secrets: what the specification allows, and nothing of them in a log line. */
class WebhookSecretTest {

  @Test
  void shouldReadBackWhatItGenerates() {
    WebhookSecret secret = WebhookSecret.generate();

    assertEquals(secret, WebhookSecret.parse(secret.serialized()));
    assertEquals(32, secret.key().length);
    assertNotEquals(secret, WebhookSecret.generate());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no prefix  | MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw       | a webhook secret starts with whsec_",
      "not base64 | whsec_not*base64                       | a webhook secret is whsec_ and base64",
      "23 bytes   | whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= | a webhook secret holds 24 to 64 bytes, this one 23",
  })
  void shouldRefuseWhatTheSpecificationDoesNotAllow(String name, String serialized, String message) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> WebhookSecret.parse(serialized));

    assertEquals(message, error.getMessage());
  }

  @Test
  void shouldAcceptTheBoundsAndRefuseBeyondThem() {
    WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[24]));
    WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64]));

    assertThrows(IllegalArgumentException.class,
        () -> WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[65])));
  }

  @Test
  void shouldNeverPrintTheKey() {
    WebhookSecret secret = WebhookSecret.generate();

    assertFalse(secret.toString().contains(secret.serialized().substring(6)));
    assertEquals("WebhookSecret[whsec_****]", secret.toString());
  }
}
