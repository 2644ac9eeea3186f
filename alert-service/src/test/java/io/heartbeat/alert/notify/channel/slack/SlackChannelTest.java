package io.heartbeat.alert.notify.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Image;
import io.heartbeat.alert.notify.Link;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.RollbackState;
import io.heartbeat.alert.notify.SuggestedAction;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Receiver;
import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.heartbeat.alert.notify.channel.Secret;
import io.heartbeat.alert.notify.channel.Sender;
import io.heartbeat.alert.notify.channel.VendorSchemas;
import io.vertx.mutiny.core.Vertx;

/**
 * The Slack channel against a receiver that behaves like an incoming webhook: "ok" for a message within Block
 * Kit's documented limits, 400 "invalid_blocks" otherwise. Whatever the notification holds, Slack must accept it.
 */
class SlackChannelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "/services/T0HEART/B0BEAT/kR9sD2xLq7mZ";
  private static final Instant NOW = Instant.parse("2026-05-04T10:15:11Z");

  private static Vertx vertx;
  private static Receiver slack;
  private static Sender sender;
  private static SlackChannel channel;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    slack = Receiver.start(vertx, SlackChannelTest::incomingWebhook);
    sender = new Sender(vertx);
    channel = new SlackChannel(new SlackSettings("slack-messaging", Secret.of(slack.uri(HOOK).toString())));
  }

  @AfterAll
  static void stop() {
    sender.close();
    slack.close();
    vertx.closeAndAwait();
  }

  /** Slack's side: a plain "ok", or 400 with the error word Slack uses for a payload it cannot render. */
  private static Reply incomingWebhook(Received request) {
    if (!request.method().equals("POST") || !request.path().equals(HOOK)) {
      return Reply.text(404, "no_service");
    }
    if (!"application/json".equals(request.header("content-type"))) {
      return Reply.text(400, "invalid_payload");
    }
    List<String> errors = VendorSchemas.errors(VendorSchemas.SLACK, read(request.body()));
    return errors.isEmpty() ? Reply.text(200, "ok") : Reply.text(400, "invalid_blocks " + errors);
  }

  @Test
  void shouldPostTheFallbackTextAndTheBlocks() {
    Notification firing = Notifications.firing();

    JsonNode message = deliver(firing);

    assertEquals("[RED] MSGC Messages created: 12 msg/min against 120.5 expected, below alert_value 60 for 3 windows",
        message.get("text").asText());
    JsonNode blocks = message.get("blocks");
    assertEquals("header", blocks.at("/0/type").asText());
    assertEquals(":red_circle: RED · MSGC Messages created", blocks.at("/0/text/text").asText());
    assertEquals(firing.summary(), blocks.at("/1/text/text").asText());
    List<String> fields = texts(blocks.at("/2/fields"));
    assertEquals(List.of("*Value*\n12 msg/min", "*Expected*\n120.5 msg/min", "*Band*\n100 – 140 msg/min",
        "*Norm (amber)*\n90 msg/min", "*Alert (red)*\n60 msg/min",
        "*Window*\n2026-05-04T10:10:00Z – 2026-05-04T10:15:00Z", "*Started*\n2026-05-04T10:00:00Z"), fields);
    String all = message.toString();
    for (String expected : List.of("*How to read:* Messages teammates create", "*Rollback STARTED: message-api 1.42",
        "*Suggested first actions*\\n• Roll back message-api 1.42", "*Recent deploys of linked services*",
        "*Other heartbeats failing now*\\n• RED CHKA Checkouts attempted", "*Dimensions that dropped most*")) {
      assertTrue(all.contains(expected), expected);
    }
    JsonNode actions = find(blocks, "actions");
    assertEquals(List.of(firing.cockpitUrl(), firing.heartbeat().runbookUrl(), firing.links().get(0).href()),
        actions.get("elements").findValuesAsText("url"));
    assertEquals("https://charts.example.com/messages_created.png", find(blocks, "image").get("image_url").asText());
    assertEquals("context", blocks.get(blocks.size() - 1).get("type").asText());
  }

  @Test
  void shouldSpellTheStatusOutRatherThanColourIt() {
    JsonNode update = deliver(Notifications.updated());
    JsonNode resolve = deliver(Notifications.resolved());

    assertEquals(":red_circle: RED (update) · MSGC Messages created", update.at("/blocks/0/text/text").asText());
    assertEquals(":white_check_mark: RESOLVED · MSGC Messages created", resolve.at("/blocks/0/text/text").asText());
    assertTrue(resolve.get("text").asText().startsWith("[RESOLVED] "), "the fallback says it too");
    // Attachments are where Slack messages carry a colour bar; a status told only by colour is lost on many.
    assertFalse(resolve.has("attachments"));
    assertFalse(resolve.toString().contains("\"color\""));
  }

  @Test
  void shouldTellDurationAndSlaMinutesOnResolve() {
    JsonNode resolve = deliver(Notifications.resolved());

    List<String> fields = texts(resolve.at("/blocks/2/fields"));
    assertTrue(fields.contains("*Duration*\n42 min"), fields.toString());
    assertTrue(fields.contains("*SLA minutes*\n27.5"), fields.toString());
    assertEquals("back above 100 msg/min for 3 windows\nRecovered after 42 min, 27.5 SLA minutes.",
        resolve.at("/blocks/1/text/text").asText());
  }

  @Test
  void shouldStayWithinSlacksLimitsWhateverTheNotificationHolds() {
    Notification firing = Notifications.firing();
    Heartbeat h = firing.heartbeat();
    Heartbeat wordy = new Heartbeat(h.metricId(), "N".repeat(300), h.code(), h.unit(), h.direction(),
        "how ".repeat(2000), h.runbookUrl(), h.owner(), h.stage(), h.slas(), h.linkedServices(), h.dimension());
    List<Link> links = IntStream.range(0, 40)
        .mapToObj(i -> new Link("https://logs.example.com/" + i, "a rather long label for link " + i + " of 40"))
        .toList();
    List<Image> images = new ArrayList<>(IntStream.range(0, 100)
        .mapToObj(i -> new Image("https://charts.example.com/" + i + ".png", null, "alt ".repeat(600))).toList());
    images.add(new Image("https://charts.example.com/" + "x".repeat(3000) + ".png", null, "too long a URL"));
    List<SuggestedAction> actions = IntStream.range(0, 200)
        .mapToObj(i -> new SuggestedAction("rule_" + i, "do thing " + i, "because " + i)).toList();
    ResponderContext context = Notifications.context(RollbackState.STARTED);
    Notification huge = Notifications.withContext(Notifications.withMedia(Notifications.withHeartbeat(
        Notifications.withSummary(firing, "s".repeat(10_000)), wordy), links, images),
        new ResponderContext(actions, context.recentDeploys(), context.rollback(), context.otherFailing(),
            context.topDimensions()));

    JsonNode message = deliver(huge);

    JsonNode blocks = message.get("blocks");
    assertEquals(SlackLayout.MAX_BLOCKS, blocks.size());
    assertTrue(blocks.at("/0/text/text").asText().length() <= SlackLayout.MAX_HEADER);
    assertTrue(message.get("text").asText().length() <= SlackLayout.MAX_TEXT);
    assertEquals(SlackLayout.MAX_BUTTONS, find(blocks, "actions").get("elements").size());
    String footer = blocks.get(blocks.size() - 1).at("/elements/0/text").asText();
    // 10 blocks of text and buttons, 39 images, the footer: 61 images (and the one whose URL Slack refuses) and
    // 17 of 42 links did not fit.
    assertTrue(footer.endsWith("left out to fit Slack: 62 images, 17 links (see the cockpit)"), footer);
  }

  @Test
  void shouldEscapeWhatSlackReadsAsControlCharacters() {
    Heartbeat h = Notifications.heartbeat();
    Heartbeat loud = new Heartbeat(h.metricId(), h.name(), h.code(), h.unit(), h.direction(),
        "<!channel> drops mean p&l <is> hurt", null, null, null, null, null, null);

    JsonNode message = deliver(Notifications.withHeartbeat(Notifications.firing(), loud));

    assertTrue(message.toString().contains("*How to read:* &lt;!channel&gt; drops mean p&amp;l &lt;is&gt; hurt"));
    assertFalse(message.toString().contains("<!channel>"));
  }

  @Test
  void shouldNotCutAnEscapeInHalf() {
    assertEquals("ab…", Mrkdwn.clip("ab<cdef", 6), "'ab&lt;' would not leave room for the ellipsis");
    assertEquals("ab&lt;…", Mrkdwn.clip("ab<cdef", 7));
  }

  @Test
  void shouldKeepTheWebhookUrlOutOfEveryToString() {
    String url = "https://hooks.slack.com" + HOOK;
    SlackChannel real = new SlackChannel(new SlackSettings("slack-messaging", Secret.of(url)));
    ChannelRequest request = real.request(Notifications.firing(), NOW);

    assertEquals(url, request.uri().toString());
    assertFalse(request.toString().contains(HOOK), request.toString());
    assertFalse(new SlackSettings("slack-messaging", Secret.of(url)).toString().contains(HOOK));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> new SlackSettings("slack-messaging", Secret.of("hooks slack com" + HOOK)));
    assertFalse(bad.getMessage().contains(HOOK), bad.getMessage());
  }

  private static JsonNode deliver(Notification notification) {
    Sender.Response response = sender.send(channel, channel.request(notification, NOW));

    assertEquals(200, response.status(), response.body());
    assertEquals("ok", response.body());
    List<Received> received = slack.received();
    return read(received.get(received.size() - 1).body());
  }

  private static JsonNode find(JsonNode blocks, String type) {
    for (JsonNode block : blocks) {
      if (block.get("type").asText().equals(type)) {
        return block;
      }
    }
    throw new AssertionError("no " + type + " block in " + blocks);
  }

  private static List<String> texts(JsonNode textObjects) {
    List<String> texts = new ArrayList<>();
    textObjects.forEach(text -> texts.add(text.get("text").asText()));
    return texts;
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
