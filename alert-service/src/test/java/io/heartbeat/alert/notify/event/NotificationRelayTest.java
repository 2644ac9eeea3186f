package io.heartbeat.alert.notify.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.Tokens;
import io.heartbeat.alert.deploy.Deployments;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * heartbeat.notifications end to end: a drop on the real Kafka path with a deploy just before it fires an episode,
 * its rollback is called on a real hook and its pages go to a real webhook receiver that answers 503 once. A plain
 * consumer then reads what the cockpit reads: the context, every delivery outcome and the rollback, each valid
 * against docs/events/notification.v1.json, keyed by metricId, free of URLs and secrets; a replayed step adds no
 * event, and events whose publication was lost after commit come again with the same ids.
 */
@QuarkusTest
@TestProfile(NotificationRelayTest.WallClock.class)
@QuarkusTestResource(value = FeedReceivers.class, restrictToAnnotatedClass = true)
class NotificationRelayTest {

  /** The service clock at wall time: a rollback is decided only for a drop judged soon after its window. */
  public static class WallClock implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("heartbeat.alert.clock.rate", "1");
    }
  }

  private static final String SCHEMA = "notification.v1.json";
  private static final int MINUTE = 60;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** The hook URL's credential: never in an event. */
  private static final String HOOK_TOKEN = "tok-" + Long.toString(System.nanoTime(), 36);

  private static KafkaSupport kafka;
  private static KafkaConsumer<String, String> feed;
  /** Every record read from heartbeat.notifications, in the order received. */
  private static final List<JsonNode> received = new ArrayList<>();

  @Inject
  Pool pool;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers"));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-service-feed-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    feed = new KafkaConsumer<>(props);
    feed.subscribe(List.of(config("mp.messaging.outgoing.notifications.topic")));
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
    feed.close(Duration.ofSeconds(5));
  }

  @Test
  void shouldPublishContextDeliveriesAndRollbackOnceEachWithDeterministicIds() {
    String service = Deployments.service("feed");
    String metricId = Fixtures.metricId("feed");
    String version = define(metricId, List.of(service));
    String deploymentId = deploy(service, "7.1.0", "/rollback/" + service);
    FeedReceivers.script(metricId, Reply.text(503, "busy"));

    Instant red = minute(-2);
    observe(metricId, version, red.minusSeconds(MINUTE), 60);
    observe(metricId, version, red, 41);
    String key = EventId.of(metricId, "*", red.toString());

    Map<String, JsonNode> firing = awaitEvents(metricId, 6);
    assertEquals(Set.of(
        EventId.of(key, "rollback", "started"),
        EventId.of(key, "context", "firing"),
        EventId.of(key, "delivery", "pages", "firing", "1"),
        EventId.of(key, "delivery", "pages", "firing", "2"),
        EventId.of(key, "rollback", "succeeded"),
        EventId.of(key, "delivery", "pages", "rollback:succeeded", "1")), firing.keySet(),
        "ids are sha256 of what identifies each fact: " + firing.values());

    JsonNode started = firing.get(EventId.of(key, "rollback", "started"));
    assertEquals("started", started.get("state").asText());
    assertEquals(service, started.get("service").asText());
    assertEquals("7.1.0", started.get("version").asText());
    assertEquals(deploymentId, started.get("deploymentId").asText());
    JsonNode succeeded = firing.get(EventId.of(key, "rollback", "succeeded"));
    assertEquals(deploymentId, succeeded.get("deploymentId").asText());

    JsonNode context = firing.get(EventId.of(key, "context", "firing"));
    assertEquals(key, context.get("dedupKey").asText());
    assertEquals("*", context.get("series").asText());
    assertEquals("firing", context.get("step").asText());
    assertEquals("started", context.at("/context/rollback/state").asText(), "the context the first page carried");
    assertEquals(service, context.at("/context/recentDeploys/0/service").asText());
    assertTrue(context.at("/context/suggestedActions").findValuesAsText("rule").contains("recent_deploy"),
        context.toString());

    JsonNode retrying = firing.get(EventId.of(key, "delivery", "pages", "firing", "1"));
    assertEquals("retrying", retrying.get("outcome").asText());
    assertEquals(503, retrying.get("httpStatus").asInt());
    assertFalse(retrying.get("nextAttemptAt").isNull());
    assertEquals("webhook", retrying.get("channel").asText());
    JsonNode delivered = firing.get(EventId.of(key, "delivery", "pages", "firing", "2"));
    assertEquals("delivered", delivered.get("outcome").asText());
    assertEquals(2, delivered.get("attempts").asInt());
    assertTrue(delivered.get("nextAttemptAt").isNull());
    assertEquals("delivered",
        firing.get(EventId.of(key, "delivery", "pages", "rollback:succeeded", "1")).get("outcome").asText());

    String pagesOrigin = FeedReceivers.pages.uri("/").getAuthority();
    String hooksOrigin = FeedReceivers.hooks.uri("/").getAuthority();
    for (JsonNode event : firing.values()) {
      String text = event.toString();
      assertFalse(text.contains(HOOK_TOKEN) || text.contains(hooksOrigin), "no rollback URL: " + text);
      assertFalse(text.contains(pagesOrigin), "no receiver URL: " + text);
    }
    // The same facts in the API and on the topic.
    JsonNode view = json(given().get("/api/alerts/{key}", key).then().statusCode(200).extract().asString());
    assertEquals(view.at("/notification/context/rollback/state").asText(), succeeded.get("state").asText());

    // A replayed step (the same observations again) stores nothing new and so tells nothing new; the resolve that
    // follows them on the partition proves they were judged.
    observe(metricId, version, red.minusSeconds(MINUTE), 60);
    observe(metricId, version, red, 41);
    observe(metricId, version, red.plusSeconds(MINUTE), 60);
    Map<String, JsonNode> all = awaitEvents(metricId, 8);
    assertTrue(all.containsKey(EventId.of(key, "context", "resolved")), all.keySet().toString());
    assertTrue(all.containsKey(EventId.of(key, "delivery", "pages", "resolved", "1")), all.keySet().toString());
    assertEquals(8, about(metricId).size(), "each event published once so far");

    // The process died after Kafka had the events but before they were marked: the relay sends them again, with
    // the same ids and bodies.
    pool.preparedQuery("update alert.notification_event set published_at = null where metric_id = $1")
        .execute(Tuple.of(metricId)).await().indefinitely();
    Awaitility.await().atMost(PATIENCE).pollInSameThread().until(() -> about(metricId).size() >= 16);
    List<JsonNode> again = about(metricId);
    assertEquals(16, again.size());
    assertEquals(all.keySet(), again.stream().map(e -> e.get("id").asText()).collect(Collectors.toSet()),
        "a republished event has the id it had");
    again.forEach(event -> assertEquals(all.get(event.get("id").asText()), event));
  }

  /** Waits until count distinct events about metricId arrived; by id. */
  private static Map<String, JsonNode> awaitEvents(String metricId, int count) {
    Awaitility.await().atMost(PATIENCE).pollInSameThread()
        .until(() -> byId(about(metricId)).size() >= count);
    Map<String, JsonNode> events = byId(about(metricId));
    assertEquals(count, events.size(), "exactly " + count + " events: " + events.values());
    return events;
  }

  private static Map<String, JsonNode> byId(List<JsonNode> events) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    events.forEach(event -> byId.putIfAbsent(event.get("id").asText(), event));
    return byId;
  }

  /** Every event about metricId received so far, each checked against the contract and its key. */
  private static synchronized List<JsonNode> about(String metricId) {
    for (ConsumerRecord<String, String> record : feed.poll(Duration.ofMillis(200))) {
      JsonNode event = json(record.value());
      Contracts.assertValid(SCHEMA, event);
      assertEquals(event.get("metricId").asText(), record.key(), "keyed by metricId");
      received.add(event);
    }
    return received.stream().filter(e -> metricId.equals(e.get("metricId").asText())).toList();
  }

  private String define(String metricId, List<String> services) {
    String version = Fixtures.version(metricId, "v1");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1m", MINUTE);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, 1, 1), d -> {
      d.put("owner", "feed-team").put("stage", "paging").put("autoRollback", true);
      var linked = d.putArray("linkedServices");
      services.forEach(linked::add);
    }));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  /** Records a deploy that finished five minutes ago; returns its id. */
  private String deploy(String service, String version, String path) {
    Instant finished = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    String url = FeedReceivers.hooks.uri(path) + "?token=" + HOOK_TOKEN;
    return given().auth().oauth2(Tokens.of("ci", "deployer")).contentType(ContentType.JSON)
        .body(Deployments.body(service, version, finished.minusSeconds(120), finished, url).toString())
        .post("/api/deployments").then().statusCode(201).extract().jsonPath().getString("id");
  }

  private void observe(String metricId, String version, Instant windowStart, double value) {
    kafka.sendObservation(metricId, Fixtures.observation(metricId, version, windowStart, MINUTE, "ok", value, null,
        null).toString());
  }

  private static Instant minute(int offset) {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(offset * (long) MINUTE);
  }

  private static String config(String key) {
    return ConfigProvider.getConfig().getValue(key, String.class);
  }

  private static JsonNode json(String text) {
    try {
      return Fixtures.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
