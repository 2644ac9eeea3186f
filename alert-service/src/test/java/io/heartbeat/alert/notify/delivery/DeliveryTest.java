package io.heartbeat.alert.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.channel.webhook.Verification;
import io.heartbeat.alert.notify.delivery.NotifyReceivers.Received;
import io.heartbeat.alert.notify.delivery.NotifyReceivers.Reply;
import io.heartbeat.alert.notify.delivery.NotifyReceivers.Server;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Pages end to end with real receivers: observations on the real Kafka path open, escalate and resolve episodes;
 * the outbox rows written with them are delivered by the worker to local HTTP servers that check what arrives.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifyReceivers.class, restrictToAnnotatedClass = true)
class DeliveryTest {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-06-01T00:00:00Z");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static KafkaSupport kafka;

  @Inject
  Pool pool;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void shouldTriggerEscalateAndResolveOncePerReceiverUnderOneKey() {
    String metricId = Fixtures.metricId("notify");
    String version = define(metricId, "notify-team", "paging");
    // Day 1 amber fires, day 2 red escalates the same episode, day 3 green resolves it.
    observe(metricId, version, 0, 60);
    observe(metricId, version, 1, 52);
    observe(metricId, version, 2, 41);
    observe(metricId, version, 3, 60);
    String key = EventId.of(metricId, "*", day(1).toString());

    List<JsonNode> hook = awaitBodies(NotifyReceivers.hook, metricId, 3);
    assertEquals(List.of("firing|amber", "updated|red", "resolved|red"), hook.stream()
        .map(b -> b.at("/data/status").asText() + "|" + b.at("/data/severity").asText()).toList());
    hook.forEach(b -> assertEquals(key, b.at("/data/episodeKey").asText(), "one episode key: no second incident"));
    NotifyReceivers.hook.about(metricId).forEach(r -> assertEquals(Verification.VALID, r.verification()));
    JsonNode recovery = hook.get(2).at("/data/recovery");
    assertEquals(3L * DAY, recovery.get("durationSeconds").asLong());
    assertEquals(1440.0, recovery.get("slaMinutes").asDouble(), "the red day counts against the SLA");

    List<JsonNode> pages = awaitBodies(NotifyReceivers.pager, metricId, 3);
    assertEquals(List.of("trigger", "trigger", "resolve"), pages.stream().map(b -> b.get("event_action").asText())
        .toList());
    pages.forEach(b -> assertEquals(key, b.get("dedup_key").asText()));
    assertEquals(3, awaitBodies(NotifyReceivers.slack, metricId, 3).size());
    assertEquals(0, NotifyReceivers.hook.about(metricId).stream().filter(r -> r.verification() != Verification.VALID)
        .count());

    String history = given().get("/api/alerts/{key}/deliveries", key).then().statusCode(200).extract().asString();
    JsonNode rows = json(history);
    assertEquals(9, rows.size());
    rows.forEach(row -> {
      assertEquals("delivered", row.get("state").asText(), row.toString());
      assertEquals(1, row.get("attempts").asInt());
    });
    assertEquals(List.of("firing", "escalated:red", "resolved"), rows.findValuesAsText("step").stream().distinct()
        .toList());
  }

  @Test
  void shouldNotPageAHumanBelowThePagingStage() {
    String metricId = Fixtures.metricId("unpaged");
    String version = define(metricId, "notify-team", "unverified");
    observe(metricId, version, 0, 60);
    observe(metricId, version, 1, 41);

    awaitBodies(NotifyReceivers.hook, metricId, 1);
    awaitBodies(NotifyReceivers.slack, metricId, 1);
    // The step's rows were written in one transaction: none for the pager means none will ever be sent.
    assertEquals(0L, count("select count(*) from alert.outbox where receiver = 'pager'"
        + " and notification::jsonb #>> '{heartbeat,metricId}' = $1", metricId));
  }

  @Test
  void shouldRetryA500AndHonourRetryAfterOn429() {
    String metricId = Fixtures.metricId("retry");
    // Retry-After is service time like every delay: 120 s at the test clock's rate (60) is 2 s of the wall.
    NotifyReceivers.hook.script(metricId, new Reply(500, null), new Reply(429, "120"));
    String version = define(metricId, "notify-hook", "unverified");
    observe(metricId, version, 0, 60);
    observe(metricId, version, 1, 41);

    Awaitility.await().atMost(PATIENCE).until(() -> NotifyReceivers.hook.about(metricId).size() >= 3);
    List<Received> attempts = NotifyReceivers.hook.about(metricId);
    assertEquals(1, attempts.stream().map(r -> r.headers().get("webhook-id")).distinct().count(),
        "every attempt of one step carries one webhook-id, for the receiver's own dedup");
    Duration afterRetryAfter = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    double rate = ConfigProvider.getConfig().getValue("heartbeat.alert.clock.rate", Double.class);
    long expected = (long) (120_000 / rate);
    assertTrue(afterRetryAfter.toMillis() >= expected * 0.95 && afterRetryAfter.toMillis() < expected * 5 + 2000,
        "Retry-After: 120 honoured on the service clock, waited " + afterRetryAfter + " of the wall");
    Row row = awaitRow(metricId, "hook", r -> r.getString("state").equals("delivered"));
    assertEquals(3, row.getInteger("attempts"));
  }

  @Test
  void shouldNotLetADeadReceiverDelayAHealthyOne() {
    int episodes = 6;
    String[] metricIds = new String[episodes];
    for (int i = 0; i < episodes; i++) {
      metricIds[i] = Fixtures.metricId("dead");
      String version = define(metricIds[i], "notify-dead", "unverified");
      observe(metricIds[i], version, 0, 60);
      observe(metricIds[i], version, 1, 41);
    }

    // The dead receiver holds each attempt for its 20 s timeout; the healthy one gets every page long before.
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Arrays.stream(metricIds)
        .allMatch(id -> NotifyReceivers.hook.about(id).size() == 1));
    long deadStarted = java.util.Arrays.stream(metricIds).filter(id -> !NotifyReceivers.dead.about(id).isEmpty())
        .count();
    assertTrue(deadStarted <= 4, "the dead receiver's lane holds at most in-flight attempts: " + deadStarted);
    for (String id : metricIds) {
      assertEquals("pending", row(id, "dead").getString("state"), "the dead receiver's pages wait, not lost");
    }
  }

  @Test
  void shouldNotSendASecondTriggerOnReplay() {
    String metricId = Fixtures.metricId("replay");
    String version = define(metricId, "notify-hook", "unverified");
    ObjectNode[] observations = {observation(metricId, version, 0, 60), observation(metricId, version, 1, 41)};
    for (ObjectNode o : observations) {
      kafka.sendObservation(metricId, o.toString());
    }
    awaitRow(metricId, "hook", r -> r.getString("state").equals("delivered"));

    for (ObjectNode o : observations) {
      kafka.sendObservation(metricId, o.toString());
    }
    // A later metric on the same partition: once its page arrives, the replay before it was judged too.
    String marker = kafka.onSamePartition(metricId, "marker");
    String markerVersion = define(marker, "notify-hook", "unverified");
    observe(marker, markerVersion, 0, 60);
    observe(marker, markerVersion, 1, 41);
    awaitBodies(NotifyReceivers.hook, marker, 1);

    assertEquals(1, NotifyReceivers.hook.about(metricId).size(), "one trigger, whatever the replay");
    assertEquals(1L, count("select count(*) from alert.outbox"
        + " where notification::jsonb #>> '{heartbeat,metricId}' = $1", metricId));
  }

  @Test
  void shouldMarkARefusedPageFailedCountItAndShowIt() {
    String metricId = Fixtures.metricId("refused");
    // Standard Webhooks: 410 Gone is the one answer a webhook sender must not retry.
    NotifyReceivers.hook.script(metricId, new Reply(410, null));
    String version = define(metricId, "notify-hook", "unverified");
    observe(metricId, version, 0, 60);
    observe(metricId, version, 1, 41);

    Row row = awaitRow(metricId, "hook", r -> r.getString("state").equals("failed"));
    assertEquals(410, row.getInteger("last_status"));
    assertEquals("HTTP 410, not retryable", row.getString("last_error"));
    assertEquals(1, row.getInteger("attempts"));
    String key = EventId.of(metricId, "*", day(1).toString());
    given().get("/api/alerts/{key}/deliveries", key).then().statusCode(200)
        .body(containsString("\"state\":\"failed\""), containsString("\"lastStatus\":410"));
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("heartbeat_notify_failed_total{receiver=\"hook\"}"));
    given().get("/api/alerts/{key}/deliveries", "no-such-episode").then().statusCode(404);
  }

  private String define(String metricId, String team, String stage) {
    String version = Fixtures.version(metricId, "v1");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, 1, 1), d -> {
      d.put("owner", team).put("stage", stage);
      d.putArray("slas").add("core-platform");
    }));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  private ObjectNode observation(String metricId, String version, int day, double value) {
    return Fixtures.observation(metricId, version, day(day), DAY, "ok", value, null, null);
  }

  private void observe(String metricId, String version, int day, double value) {
    kafka.sendObservation(metricId, observation(metricId, version, day, value).toString());
  }

  private static List<JsonNode> awaitBodies(Server server, String metricId, int count) {
    Awaitility.await().atMost(PATIENCE).until(() -> server.about(metricId).size() >= count);
    List<Received> received = server.about(metricId);
    assertEquals(count, received.size(), server.name + " got exactly " + count);
    return received.stream().map(r -> json(r.body())).toList();
  }

  private Row awaitRow(String metricId, String receiver, Predicate<Row> done) {
    Awaitility.await().atMost(PATIENCE).until(() -> done.test(row(metricId, receiver)));
    return row(metricId, receiver);
  }

  private Row row(String metricId, String receiver) {
    // By the page's own heartbeat: other pages name this metric too, among the heartbeats failing beside theirs.
    var rows = pool.preparedQuery("select * from alert.outbox where receiver = $1"
        + " and notification::jsonb #>> '{heartbeat,metricId}' = $2 order by created_at limit 1")
        .execute(Tuple.of(receiver, metricId)).await().indefinitely();
    return rows.size() == 0 ? emptyRow() : rows.iterator().next();
  }

  private Row emptyRow() {
    return pool.query("select 'absent' as state, 0 as attempts").execute().await().indefinitely().iterator().next();
  }

  private long count(String sql, String parameter) {
    return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
  }

  private static JsonNode json(String text) {
    try {
      return Fixtures.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static Instant day(int n) {
    return DAY_ONE.plusSeconds((long) n * DAY);
  }

}
