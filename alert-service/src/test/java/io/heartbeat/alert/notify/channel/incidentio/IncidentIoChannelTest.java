package io.heartbeat.alert.notify.channel.incidentio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

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
 * The incident.io channel against a receiver that behaves like an HTTP alert source: bearer token checked, body
 * checked against the documented alert event, one alert per deduplication_key, firing then resolved.
 */
class IncidentIoChannelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE = "/v2/alert_events/http/01GW2G3V0S59R238FAHPDS1R66";
  private static final String TOKEN = "inc-token-6b1d0c7e";
  private static final Instant NOW = Instant.parse("2026-05-04T10:15:11Z");

  private static Vertx vertx;
  private static Receiver incidentIo;
  private static Sender sender;
  private static IncidentIoChannel channel;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    incidentIo = Receiver.start(vertx, IncidentIoChannelTest::alertSource);
    sender = new Sender(vertx);
    channel = new IncidentIoChannel(new IncidentIoSettings("incidentio-commander", incidentIo.uri(SOURCE),
        Secret.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    sender.close();
    incidentIo.close();
    vertx.closeAndAwait();
  }

  /** incident.io's side: 401 without the source's token, 422 for an invalid event, else 202 accepted. */
  private static Reply alertSource(Received request) {
    if (!request.method().equals("POST") || !request.path().equals(SOURCE)) {
      return Reply.json(404, "{\"type\":\"not_found\"}");
    }
    if (!("Bearer " + TOKEN).equals(request.header("authorization"))) {
      return Reply.json(401, "{\"type\":\"authentication_error\"}");
    }
    JsonNode event = read(request.body());
    List<String> errors = VendorSchemas.errors(VendorSchemas.INCIDENTIO, event);
    if (!errors.isEmpty() || !"application/json".equals(request.header("content-type"))) {
      return Reply.json(422, JSON.createObjectNode().put("type", "validation_error")
          .put("errors", String.join("; ", errors)).toString());
    }
    return Reply.json(202, JSON.createObjectNode().put("status", "success")
        .put("message", "Event accepted for processing")
        .put("deduplication_key", event.get("deduplication_key").asText()).toString());
  }

  @Test
  void shouldFireWithTitleDescriptionKeyMetadataAndSourceUrl() {
    Notification firing = Notifications.firing();

    JsonNode event = deliver(firing);

    assertEquals("firing", event.get("status").asText());
    assertEquals(Notifications.EPISODE_KEY, event.get("deduplication_key").asText());
    assertEquals("[RED] MSGC Messages created: 12 msg/min against 120.5 expected, below alert_value 60 for 3 windows",
        event.get("title").asText());
    assertEquals(firing.cockpitUrl(), event.get("source_url").asText());
    String description = event.get("description").asText();
    for (String expected : List.of("**RED** · MSGC Messages created", "- **Value:** 12 msg/min",
        "- **Band:** 100 – 140 msg/min", "- **Norm (amber):** 90 msg/min", "- **Alert (red):** 60 msg/min",
        "**How to read:** " + firing.heartbeat().howToRead(), "**Runbook:** " + firing.heartbeat().runbookUrl(),
        "**Rollback STARTED: message-api 1.42 — webhook called**", "**Suggested first actions**",
        "- Check the primary database — 3 heartbeats dropped within 2 windows (rule shared_dependency)",
        "**Recent deploys of linked services**", "**Other heartbeats failing now**",
        "- customer=acme: 1 msg/min against 9 expected (-88.9%)", "[Open MSGC in the cockpit](" + firing.cockpitUrl(),
        "![messages created with band](https://charts.example.com/messages_created.png)")) {
      assertTrue(description.contains(expected), expected + " in\n" + description);
    }
    JsonNode metadata = event.get("metadata");
    assertEquals("critical", metadata.get("severity").asText());
    assertEquals("red", metadata.get("heartbeat_severity").asText());
    assertEquals("messages_created", metadata.get("metric_id").asText());
    assertEquals("MSGC", metadata.get("metric_code").asText());
    assertEquals("messaging", metadata.get("team").asText());
    assertEquals("core-platform", metadata.at("/slas/0").asText());
    assertEquals(12.0, metadata.get("value").asDouble());
    assertEquals(100.0, metadata.get("band_lower").asDouble());
    assertEquals("started", metadata.get("rollback_state").asText());
    assertEquals(JSON.valueToTree(List.of("recent_deploy", "shared_dependency")), metadata.get("suggested_rules"));
  }

  @Test
  void shouldStayFiringOnAnUpdateAndResolveTheSameAlertWithDuration() {
    JsonNode update = deliver(Notifications.updated());
    JsonNode resolve = deliver(Notifications.resolved());

    assertEquals("firing", update.get("status").asText(), "an update re-sends the open alert");
    assertEquals("succeeded", update.at("/metadata/rollback_state").asText());
    assertEquals("resolved", resolve.get("status").asText());
    assertEquals(update.get("deduplication_key"), resolve.get("deduplication_key"));
    assertTrue(resolve.get("title").asText().startsWith("[RESOLVED] MSGC Messages created"));
    assertTrue(resolve.get("description").asText().contains("**Recovered after 42 min, 27.5 SLA minutes.**"));
    assertEquals(2520, resolve.at("/metadata/duration_seconds").asLong());
    assertEquals(27.5, resolve.at("/metadata/sla_minutes").asDouble());
  }

  @Test
  void shouldDescribeAStaleSliceWithoutAValue() {
    JsonNode event = deliver(Notifications.stale());

    assertEquals("[STALE] MSGC Messages created (customer=acme): no observation for 2 periods",
        event.get("title").asText());
    assertTrue(event.get("description").asText().contains("- **Value:** n/a"));
    assertEquals("customer=acme", event.at("/metadata/series").asText());
    assertFalse(event.has("source_url"), "no cockpit link, none sent");
  }

  @ParameterizedTest
  @CsvSource({"STALE, critical", "RED, critical", "ERROR, major", "AMBER, minor", "ANOMALOUS, minor"})
  void shouldNameEachSeverityInIncidentIosWords(Severity severity, String expected) {
    JsonNode event = read(channel.request(Notifications.withSeverity(Notifications.firing(), severity), NOW).body());

    assertEquals(expected, event.at("/metadata/severity").asText());
    assertEquals(severity.wire(), event.at("/metadata/heartbeat_severity").asText());
  }

  @Test
  void shouldClipTheTitleAndKeepTheWholeSummaryInTheDescription() {
    String summary = "dropped ".repeat(100);

    JsonNode event = deliver(Notifications.withSummary(Notifications.firing(), summary));

    assertEquals(IncidentIoChannel.TITLE_LIMIT, event.get("title").asText().length());
    assertTrue(event.get("description").asText().contains(summary));
  }

  @Test
  void shouldBeRefusedWithAWrongTokenAndNotRetryIt() {
    IncidentIoChannel wrong = new IncidentIoChannel(new IncidentIoSettings("incidentio-commander",
        incidentIo.uri(SOURCE), Secret.of("not-the-token")));

    Sender.Response response = sender.send(wrong, wrong.request(Notifications.firing(), NOW));

    assertEquals(401, response.status());
    assertFalse(wrong.retryable(401));
  }

  @Test
  void shouldKeepTheTokenOutOfEveryToString() {
    ChannelRequest request = channel.request(Notifications.firing(), NOW);
    IncidentIoSettings settings = new IncidentIoSettings("incidentio-commander",
        URI.create("https://api.incident.io" + SOURCE), Secret.of(TOKEN));

    assertEquals("Bearer " + TOKEN, request.header("Authorization"));
    assertFalse(request.toString().contains(TOKEN), request.toString());
    assertFalse(request.toString().contains("01GW2G3V0S59R238FAHPDS1R66"), "nor the source's id");
    assertFalse(settings.toString().contains(TOKEN), settings.toString());
    IncidentIoSettings tokenInUrl = new IncidentIoSettings("incidentio-commander",
        URI.create("https://api.incident.io" + SOURCE + "?token=" + TOKEN), Secret.of(TOKEN));
    assertEquals("IncidentIoSettings[name=incidentio-commander, alertSourceUrl=https://api.incident.io/…, "
        + "token=****, timeout=PT10S]", tokenInUrl.toString());
  }

  private static JsonNode deliver(Notification notification) {
    Sender.Response response = sender.send(channel, channel.request(notification, NOW));

    assertEquals(202, response.status(), response.body());
    List<Received> received = incidentIo.received();
    ObjectNode event = (ObjectNode) read(received.get(received.size() - 1).body());
    assertEquals(notification.episodeKey(), read(response.body().getBytes()).get("deduplication_key").asText());
    return event;
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
