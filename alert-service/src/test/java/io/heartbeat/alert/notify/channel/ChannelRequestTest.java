package io.heartbeat.alert.notify.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The request record: immutable bytes, lower-case header names, and a toString that gives nothing away. */
class ChannelRequestTest {

  private static final URI HOOK = URI.create("https://hooks.slack.com:443/services/T0/B0/secretpart?x=1");

  @Test
  void shouldShowOnlySchemeHostHeaderNamesAndSize() {
    ChannelRequest request = ChannelRequest.postJson(HOOK, Map.of("Authorization", "Bearer s3cr3t"),
        "{\"routing_key\":\"k\"}".getBytes(StandardCharsets.UTF_8));

    assertEquals("ChannelRequest[POST https://hooks.slack.com:443/… headers=[content-type, user-agent, "
        + "authorization] body=19 bytes]", request.toString());
    assertEquals("Bearer s3cr3t", request.header("AUTHORIZATION"));
    assertEquals("{\"routing_key\":\"k\"}", request.bodyText());
  }

  @Test
  void shouldNotLetTheBodyChangeOnceBuilt() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    ChannelRequest request = new ChannelRequest("POST", HOOK, Map.of(), body);
    body[0] = 'x';
    request.body()[1] = 'y';

    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), request.body());
    assertEquals(new ChannelRequest("POST", HOOK, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)), request);
  }

  @Test
  void shouldRefuseARelativeUriAndMaskSecrets() {
    assertThrows(IllegalArgumentException.class, () -> new ChannelRequest("POST", URI.create("/v2/enqueue"),
        Map.of(), null));
    assertEquals("****", Secret.of("R0UT1NGKEY").toString());
    assertThrows(IllegalArgumentException.class, () -> Secret.of(" "));
  }
}
