package io.heartbeat.alert.notify.channel.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Receiver;
import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.heartbeat.alert.notify.channel.Secret;
import io.heartbeat.alert.notify.channel.Sender;
import io.heartbeat.alert.notify.channel.VendorSchemas;
import io.vertx.mutiny.core.Vertx;

/**
 * The PagerDuty channel against a receiver that accepts only what the Events API v2 documents, over a real socket:
 * trigger, the same trigger again on an update, resolve, never acknowledge, one dedup_key for the whole episode.
 */
class PagerDutyChannelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
  private static final Instant NOW = Instant.parse("2026-05-04T10:15:11Z");

  private static Vertx vertx;
  private static Receiver pagerDuty;
  private static Sender sender;
  private static PagerDutyChannel channel;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pagerDuty = Receiver.start(vertx, PagerDutyChannelTest::enqueue);
    sender = new Sender(vertx);
    channel = new PagerDutyChannel(new PagerDutySettings("pagerduty-engineering", Secret.of(ROUTING_KEY),
        pagerDuty.uri("/v2/enqueue"), null));
  }

  @AfterAll
  static void stop() {
    sender.close();
    pagerDuty.close();
    vertx.closeAndAwait();
  }

  /** PagerDuty's side: 202 for a valid event, 400 "invalid event" with the errors otherwise. */
  private static Reply enqueue(Received request) {
    if (!request.method().equals("POST") || !request.path().equals("/v2/enqueue")) {
      return Reply.json(404, "{}");
    }
    if (!"application/json".equals(request.header("content-type"))) {
      return Reply.json(400, "{\"status\":\"invalid event\",\"errors\":[\"content-type\"]}");
    }
    JsonNode event = read(request.body());
    List<String> errors = VendorSchemas.errors(VendorSchemas.PAGERDUTY, event);
    if (!errors.isEmpty()) {
      ObjectNode refusal = JSON.createObjectNode().put("status", "invalid event")
          .put("message", "Event object is invalid");
      errors.forEach(refusal.putArray("errors")::add);
      return Reply.json(400, refusal.toString());
    }
    return Reply.json(202, JSON.createObjectNode().put("status", "success").put("message", "Event processed")
        .put("dedup_key", event.path("dedup_key").asText()).toString());
  }

  @Test
  void shouldTriggerWithTheEpisodeKeyAsDedupKeyAndWhatRespondersNeedFirst() {
    Notification firing = Notifications.firing();

    JsonNode event = deliver(firing);

    assertEquals("trigger", event.get("event_action").asText());
    assertEquals(ROUTING_KEY, event.get("routing_key").asText());
    assertEquals(Notifications.EPISODE_KEY, event.get("dedup_key").asText());
    JsonNode payload = event.get("payload");
    assertEquals("[RED] MSGC Messages created: 12 msg/min against 120.5 expected, below alert_value 60 for 3 windows",
        payload.get("summary").asText());
    assertEquals("critical", payload.get("severity").asText());
    assertEquals("messages_created", payload.get("source").asText());
    assertEquals("total", payload.get("component").asText());
    assertEquals("messaging", payload.get("group").asText());
    assertEquals("red", payload.get("class").asText());
    assertEquals("2026-05-04T10:15:10Z", payload.get("timestamp").asText());
    JsonNode details = payload.get("custom_details");
    assertEquals("12 msg/min", details.get("value").asText());
    assertEquals("120.5 msg/min", details.get("expected").asText());
    assertEquals("100 – 140 msg/min", details.get("band").asText());
    assertEquals("90 msg/min", details.get("norm_value").asText());
    assertEquals("60 msg/min", details.get("alert_value").asText());
    assertEquals(firing.heartbeat().howToRead(), details.get("how_to_read").asText());
    assertEquals(firing.heartbeat().runbookUrl(), details.get("runbook").asText());
    assertEquals("Rollback STARTED: message-api 1.42 — webhook called", details.get("rollback").asText());
    assertEquals("Roll back message-api 1.42 — message-api 1.42 finished 4 min before the drop (rule recent_deploy)",
        details.get("suggested_actions").get(0).asText());
    assertEquals("message-api 1.42 to prod, finished 2026-05-04T09:56:00Z by ana, commit 3f2a9c1",
        details.get("recent_deploys").get(0).asText());
    assertEquals("RED CHKA Checkouts attempted, since 2026-05-04T10:05:00Z",
        details.get("other_failing").get(0).asText());
    assertEquals("region=eu-west: 2 msg/min against 40 expected (-95%)", details.get("top_dimensions").get(0).asText());
    assertEquals(List.of(firing.cockpitUrl(), firing.heartbeat().runbookUrl(), firing.links().get(0).href()),
        event.get("links").findValuesAsText("href"));
    assertEquals("https://charts.example.com/messages_created.png", event.at("/images/0/src").asText());
    assertEquals(firing.cockpitUrl(), event.get("client_url").asText());
  }

  @Test
  void shouldTriggerAgainUnderTheSameKeyWhenTheEpisodeChanges() {
    JsonNode update = deliver(Notifications.updated());

    assertEquals("trigger", update.get("event_action").asText(), "an update folds into the open alert");
    assertEquals(Notifications.EPISODE_KEY, update.get("dedup_key").asText());
    assertEquals("Rollback SUCCEEDED: message-api 1.42 — deploy tool answered 200",
        update.at("/payload/custom_details/rollback").asText());
  }

  @Test
  void shouldResolveTheSameAlertWithDurationAndSlaMinutes() {
    JsonNode resolve = deliver(Notifications.resolved());

    assertEquals("resolve", resolve.get("event_action").asText());
    assertEquals(Notifications.EPISODE_KEY, resolve.get("dedup_key").asText());
    assertTrue(resolve.at("/payload/summary").asText().startsWith("[RESOLVED] MSGC Messages created: back above"));
    assertTrue(resolve.at("/payload/summary").asText().endsWith("Recovered after 42 min, 27.5 SLA minutes."));
    assertEquals("42 min", resolve.at("/payload/custom_details/duration").asText());
    assertEquals(27.5, resolve.at("/payload/custom_details/sla_minutes").asDouble());
  }

  @Test
  void shouldNeverAcknowledgeForAnyStep() {
    for (Notification notification : List.of(Notifications.firing(), Notifications.updated(),
        Notifications.resolved(), Notifications.stale())) {
      assertNotEquals("acknowledge", deliver(notification).get("event_action").asText(), notification.step());
    }
  }

  @ParameterizedTest
  @CsvSource({"STALE, critical", "RED, critical", "ERROR, error", "AMBER, warning", "ANOMALOUS, warning"})
  void shouldMapEachSeverityOntoPagerDutysScale(Severity severity, String expected) {
    JsonNode event = body(channel.request(Notifications.withSeverity(Notifications.firing(), severity), NOW));

    assertEquals(expected, event.at("/payload/severity").asText());
    assertEquals(severity.wire(), event.at("/payload/class").asText());
  }

  @Test
  void shouldClipTheSummaryToPagerDutysLimitWithoutSplittingACharacter() {
    // 1020 units of text then an emoji (two units) straddling the cut at 1023.
    String summary = "x".repeat(1000) + "\uD83D\uDD25".repeat(200);

    JsonNode event = deliver(Notifications.withSummary(Notifications.firing(), summary));

    String sent = event.at("/payload/summary").asText();
    assertTrue(sent.length() <= PagerDutyChannel.SUMMARY_LIMIT, "length " + sent.length());
    assertTrue(sent.endsWith("…"), "the cut is marked");
    assertFalse(Character.isHighSurrogate(sent.charAt(sent.length() - 2)), "no half emoji before the ellipsis");
  }

  @Test
  void shouldRefuseWhatPagerDutyWouldRefuse() {
    // The receiver is strict: an event with an undocumented severity comes back 400, as from PagerDuty.
    ObjectNode event = (ObjectNode) body(channel.request(Notifications.firing(), NOW));
    ((ObjectNode) event.get("payload")).put("severity", "red");
    ChannelRequest wrong = ChannelRequest.postJson(pagerDuty.uri("/v2/enqueue"), Map.of(),
        event.toString().getBytes());

    Sender.Response response = sender.send(channel, wrong);

    assertEquals(400, response.status());
    assertTrue(response.body().contains("invalid event"), response.body());
    assertFalse(channel.retryable(400), "an invalid event stays invalid");
    assertTrue(channel.retryable(429));
    assertTrue(channel.retryable(503));
  }

  @Test
  void shouldKeepTheRoutingKeyOutOfEveryToString() {
    ChannelRequest request = channel.request(Notifications.firing(), NOW);
    PagerDutySettings settings = new PagerDutySettings("pagerduty-engineering", Secret.of(ROUTING_KEY));

    assertTrue(request.bodyText().contains(ROUTING_KEY), "the key travels in the body");
    for (String printed : List.of(request.toString(), settings.toString(),
        new PagerDutyEvent(ROUTING_KEY, "trigger", "k", null, null, null, null, null).toString())) {
      assertFalse(printed.contains(ROUTING_KEY), printed);
    }
    assertEquals(PagerDutySettings.ENQUEUE, settings.endpoint());
  }

  @Test
  void shouldRefuseARoutingKeyPagerDutyWouldRefuse() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new PagerDutySettings("pagerduty-engineering", Secret.of(ROUTING_KEY.substring(1))));

    assertEquals("PagerDuty channel pagerduty-engineering: the routing key must have 32 characters, it has 31",
        error.getMessage());
  }

  private static JsonNode deliver(Notification notification) {
    Sender.Response response = sender.send(channel, channel.request(notification, NOW));

    assertEquals(202, response.status(), response.body());
    assertEquals(notification.episodeKey(), read(response.body().getBytes()).get("dedup_key").asText());
    List<Received> received = pagerDuty.received();
    return read(received.get(received.size() - 1).body());
  }

  private static JsonNode body(ChannelRequest request) {
    return read(request.body());
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
