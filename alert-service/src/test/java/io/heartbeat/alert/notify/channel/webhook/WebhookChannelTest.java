package io.heartbeat.alert.notify.channel.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Receiver;
import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Sender;
import io.vertx.mutiny.core.Vertx;

/**
 * The generic webhook against receivers that verify it per the Standard Webhooks specification (SpecReceiver,
 * independent of the sending code), over real sockets: signature, secret rotation, tampering, replay, the id, and
 * the payload against docs/events/webhook.v1.json.
 */
class WebhookChannelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-05-04T10:15:11Z");
  private static final Clock RECEIVER_CLOCK = Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC);

  private static final WebhookSecret OLD = WebhookSecret.generate();
  private static final WebhookSecret NEW = WebhookSecret.generate();

  private static Vertx vertx;
  private static Sender sender;
  private static Receiver knowsBoth;
  private static Receiver knowsOld;
  private static Receiver knowsNew;
  private static Receiver knowsNeither;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sender = new Sender(vertx);
    knowsBoth = receiver(OLD.serialized(), NEW.serialized());
    knowsOld = receiver(OLD.serialized());
    knowsNew = receiver(NEW.serialized());
    knowsNeither = receiver(WebhookSecret.generate().serialized());
  }

  @AfterAll
  static void stop() {
    sender.close();
    List.of(knowsBoth, knowsOld, knowsNew, knowsNeither).forEach(Receiver::close);
    vertx.closeAndAwait();
  }

  private static Receiver receiver(String... secrets) {
    SpecReceiver spec = new SpecReceiver(RECEIVER_CLOCK, secrets);
    return Receiver.start(vertx, spec::receive);
  }

  private static WebhookChannel channel(Receiver receiver, WebhookSecret... secrets) {
    return new WebhookChannel(new WebhookSettings("webhook-ops", receiver.uri("/hooks/heartbeat"), List.of(secrets)));
  }

  @Test
  void shouldBeVerifiedByAReceiverThatFollowsTheSpecification() {
    WebhookChannel channel = channel(knowsBoth, NEW);
    Notification firing = Notifications.firing();

    Sender.Response response = sender.send(channel, channel.request(firing, NOW));

    assertEquals(204, response.status(), response.body());
    Received received = last(knowsBoth);
    assertEquals("POST", received.method());
    assertEquals("/hooks/heartbeat", received.path());
    assertEquals("application/json", received.header("content-type"));
    assertEquals(Long.toString(NOW.getEpochSecond()), received.header("webhook-timestamp"));
    String signature = received.header("webhook-signature");
    assertTrue(signature.matches("v1,[A-Za-z0-9+/]{43}="), "one v1 signature of 32 bytes: " + signature);
    JsonNode event = read(received.body());
    Contracts.assertValid("webhook.v1.json", event);
    assertEquals(received.header("webhook-id"), event.get("id").asText());
    assertEquals("heartbeat.alert.firing", event.get("type").asText());
    assertEquals("2026-05-04T10:15:10Z", event.get("timestamp").asText(), "the event's time, not the attempt's");
    assertEquals(firing, NotificationJson.decode(event.get("data").toString()), "data is the whole notification");
  }

  @Test
  void shouldVerifyWithEitherSecretWhileOneIsRotated() {
    for (Receiver receiver : List.of(knowsOld, knowsNew, knowsBoth)) {
      WebhookChannel rotating = channel(receiver, NEW, OLD);
      ChannelRequest request = rotating.request(Notifications.firing(), NOW);

      assertEquals(2, request.header("webhook-signature").split(" ").length, "one signature per secret");
      assertEquals(204, sender.send(rotating, request).status());
    }
    WebhookChannel rotating = channel(knowsNeither, NEW, OLD);
    Sender.Response stranger = sender.send(rotating, rotating.request(Notifications.firing(), NOW));
    assertEquals(401, stranger.status());
    assertEquals("no valid signature", stranger.body());
  }

  @Test
  void shouldBeRefusedOnceTheBodyIsTampered() {
    WebhookChannel channel = channel(knowsBoth, OLD);
    ChannelRequest signed = channel.request(Notifications.firing(), NOW);
    String body = signed.bodyText().replace("\"value\":12.0", "\"value\":120.0");
    assertNotEquals(signed.bodyText(), body);

    Sender.Response response = sender.send(channel,
        new ChannelRequest(signed.method(), signed.uri(), signed.headers(), body.getBytes()));

    assertEquals(401, response.status());
    assertEquals("no valid signature", response.body());
  }

  @Test
  void shouldBeRefusedWhenSignedTooLongAgo() {
    WebhookChannel channel = channel(knowsBoth, OLD);

    Sender.Response replayed = sender.send(channel, channel.request(Notifications.firing(), NOW.minusSeconds(360)));
    Sender.Response late = sender.send(channel, channel.request(Notifications.firing(), NOW.minusSeconds(240)));

    assertEquals(401, replayed.status());
    assertEquals("timestamp outside tolerance", replayed.body());
    assertEquals(204, late.status(), "four minutes is within the five the specification suggests");
  }

  @Test
  void shouldKeepOneIdPerStepAcrossAttemptsAndInstances() {
    WebhookChannel one = channel(knowsBoth, OLD);
    WebhookChannel other = channel(knowsBoth, NEW, OLD);

    ChannelRequest first = one.request(Notifications.firing(), NOW);
    ChannelRequest retry = other.request(Notifications.firing(), NOW.plusSeconds(30));
    ChannelRequest update = one.request(Notifications.updated(), NOW);

    assertEquals(first.header("webhook-id"), retry.header("webhook-id"));
    assertEquals(first.bodyText(), retry.bodyText(), "a retry sends the same body, only re-signed");
    assertNotEquals(first.header("webhook-timestamp"), retry.header("webhook-timestamp"));
    assertNotEquals(first.header("webhook-id"), update.header("webhook-id"));
    assertTrue(first.header("webhook-id").matches("msg_[0-9a-f]{64}"));
  }

  @Test
  void shouldSendEachStepAsItsOwnTypeUnderTheContract() {
    WebhookChannel channel = channel(knowsBoth, OLD);
    Map<String, String> types = new LinkedHashMap<>();
    for (Notification notification : List.of(Notifications.firing(), Notifications.updated(),
        Notifications.resolved(), Notifications.stale())) {
      assertEquals(204, sender.send(channel, channel.request(notification, NOW)).status());
      JsonNode event = read(last(knowsBoth).body());
      Contracts.assertValid("webhook.v1.json", event);
      types.put(notification.step() + "/" + notification.heartbeat().series(), event.get("type").asText());
    }

    assertEquals(Map.of("firing/total", "heartbeat.alert.firing", "rollback:succeeded/total",
        "heartbeat.alert.updated", "resolved/total", "heartbeat.alert.resolved", "firing/customer=acme",
        "heartbeat.alert.firing"), types);
    assertEquals(2520, read(channel.request(Notifications.resolved(), NOW).body())
        .at("/data/recovery/durationSeconds").asLong());
  }

  @Test
  void shouldRetryEveryFailureButGone() {
    WebhookChannel channel = channel(knowsBoth, OLD);

    assertFalse(channel.retryable(410), "410 Gone: the receiver wants no more");
    assertTrue(channel.retryable(400));
    assertTrue(channel.retryable(429));
    assertTrue(channel.retryable(502));
    assertEquals(Duration.ofSeconds(15), channel.timeout());
  }

  @Test
  void shouldKeepSecretsOutOfEveryToString() {
    WebhookSettings settings = new WebhookSettings("webhook-ops", knowsBoth.uri("/hooks/heartbeat"),
        List.of(NEW, OLD));
    String key = NEW.serialized().substring("whsec_".length());

    assertFalse(settings.toString().contains(key), settings.toString());
    assertFalse(settings.toString().contains("/hooks/heartbeat"), "a path may be a credential too");
    assertFalse(NEW.toString().contains(key));
    assertThrows(IllegalArgumentException.class, () -> new WebhookSettings("webhook-ops",
        knowsBoth.uri("/hooks/heartbeat"), List.of(NEW, OLD, WebhookSecret.generate())));
  }

  private static Received last(Receiver receiver) {
    List<Received> received = receiver.received();
    return received.get(received.size() - 1);
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
