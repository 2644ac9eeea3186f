package io.heartbeat.alert.notify.channel.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signer and the verifier receivers may use, on the specification's own example and on every way to fail. */
class WebhookVerifierTest {

  // The worked example published with the Standard Webhooks libraries: secret, id, timestamp, body and signature.
  private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330;
  private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SPEC_NOW = Instant.ofEpochSecond(SPEC_TIMESTAMP);

  @Test
  void shouldSignTheSpecificationsExampleAsPublished() {
    assertEquals(SPEC_SIGNATURE, new WebhookSigner(List.of(SPEC_SECRET)).signature(SPEC_ID, SPEC_TIMESTAMP,
        SPEC_BODY));
    assertEquals(Verification.VALID, new WebhookVerifier(List.of(SPEC_SECRET))
        .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW));
  }

  /** In the table, SIG stands for the example's signature (base64) and ID for its message id. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "valid                  | ID     | 1614265330    | v1,SIG              | 0    | VALID",
      "another scheme first   | ID     | 1614265330    | v1a,AAAA v1,SIG     | 0    | VALID",
      "rotation, old one last | ID     | 1614265330    | v1,Zm9vYmFy v1,SIG  | 0    | VALID",
      "299 s late             | ID     | 1614265330    | v1,SIG              | 299  | VALID",
      "301 s late             | ID     | 1614265330    | v1,SIG              | 301  | TOO_OLD",
      "301 s early            | ID     | 1614265330    | v1,SIG              | -301 | TOO_NEW",
      "other id               | ID2    | 1614265330    | v1,SIG              | 0    | NO_MATCHING_SIGNATURE",
      "other timestamp        | ID     | 1614265331    | v1,SIG              | 0    | NO_MATCHING_SIGNATURE",
      "asymmetric only        | ID     | 1614265330    | v1a,SIG             | 0    | NO_MATCHING_SIGNATURE",
      "not base64             | ID     | 1614265330    | v1,%%%              | 0    | NO_MATCHING_SIGNATURE",
      "no version             | ID     | 1614265330    | SIG                 | 0    | NO_MATCHING_SIGNATURE",
      "timestamp in ms        | ID     | 1614265330000 | v1,SIG              | 0    | TOO_NEW",
      "timestamp as a date    | ID     | 2021-02-25    | v1,SIG              | 0    | BAD_TIMESTAMP",
  })
  void shouldJudgeEachWayARequestCanArrive(String name, String id, String timestamp, String signatures,
      long secondsLater, Verification expected) {
    WebhookVerifier verifier = new WebhookVerifier(List.of(SPEC_SECRET));
    String signature = SPEC_SIGNATURE.substring("v1,".length());

    assertEquals(expected, verifier.verify(id.replace("ID", SPEC_ID), timestamp, signatures.replace("SIG", signature),
        SPEC_BODY, SPEC_NOW.plusSeconds(secondsLater)));
  }

  @Test
  void shouldRefuseATamperedBodyAndMissingHeaders() {
    WebhookVerifier verifier = new WebhookVerifier(List.of(SPEC_SECRET));
    byte[] tampered = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);

    assertEquals(Verification.NO_MATCHING_SIGNATURE, verifier.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP),
        SPEC_SIGNATURE, tampered, SPEC_NOW), "re-serialized JSON is another body");
    assertEquals(Verification.MISSING_HEADER, verifier.verify(SPEC_ID, null, SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW));
  }

  @Test
  void shouldVerifyWithEitherSecretOfARotation() {
    WebhookSecret next = WebhookSecret.generate();
    String both = new WebhookSigner(List.of(next, SPEC_SECRET)).signature(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

    for (WebhookSecret known : List.of(next, SPEC_SECRET)) {
      assertEquals(Verification.VALID, new WebhookVerifier(List.of(known))
          .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), both, SPEC_BODY, SPEC_NOW));
    }
    assertEquals(Verification.NO_MATCHING_SIGNATURE, new WebhookVerifier(List.of(WebhookSecret.generate()))
        .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), both, SPEC_BODY, SPEC_NOW));
  }

  @Test
  void shouldRefuseAnIdThatCouldShiftTheSignedContent() {
    WebhookSigner signer = new WebhookSigner(List.of(SPEC_SECRET));

    assertThrows(IllegalArgumentException.class, () -> signer.signature("msg.1", SPEC_TIMESTAMP, SPEC_BODY));
    assertThrows(IllegalArgumentException.class, () -> new WebhookSigner(List.of()));
  }
}
