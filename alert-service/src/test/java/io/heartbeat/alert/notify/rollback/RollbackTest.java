package io.heartbeat.alert.notify.rollback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
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
import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The automatic rollback end to end: a deploy recorded through POST /api/deployments, a metric naming its service
 * dropping on the real Kafka path, the deploy tool's hook called once, signed (checked by a receiver written from
 * the Standard Webhooks specification), the first page saying the rollback started and an update under the same
 * key telling the outcome; retries on a 503, a refusal recorded failed, and every reason to skip.
 */
@QuarkusTest
@TestProfile(RollbackTest.WallClock.class)
@QuarkusTestResource(value = RollbackReceivers.class, restrictToAnnotatedClass = true)
class RollbackTest {

  /**
   * The service clock at wall time: a rollback is decided only for a drop judged within the lookback of its window's
   * end, and these windows are the last minutes of the wall clock (the other tests' 60x clock runs ahead of them).
   */
  public static class WallClock implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("heartbeat.alert.clock.rate", "1");
    }
  }

  private static final int MINUTE = 60;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** The hook URL's credential: it must never show in a page, the API or a log. */
  private static final String HOOK_TOKEN = "tok-" + Long.toString(System.nanoTime(), 36);

  private static KafkaSupport kafka;
  /** The red window of the last drop: the window after it brings the metric back. */
  private Instant lastRed;

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
  void shouldRollBackTheDeployJustBeforeTheDropOnceAndTellTheOutcome() {
    String service = Deployments.service("rb");
    String path = "/rollback/" + service;
    String metricId = Fixtures.metricId("rollback");
    String version = define(metricId, "paging", List.of(service), true);
    deploy(service, "1.42.0", Duration.ofMinutes(5), path);

    String key = drop(metricId, version);
    List<JsonNode> pages = awaitPages(metricId, 2);
    JsonNode firing = pages.get(0).get("data");
    assertEquals("firing", firing.get("step").asText());
    assertEquals("started", firing.at("/context/rollback/state").asText(), "the first page does not wait");
    assertEquals(service, firing.at("/context/rollback/service").asText());
    assertEquals(service, firing.at("/context/recentDeploys/0/service").asText());
    assertTrue(rules(firing).contains("recent_deploy"), firing.get("context").toString());
    JsonNode update = pages.get(1).get("data");
    assertEquals("rollback:succeeded", update.get("step").asText());
    assertEquals("updated", update.get("status").asText());
    assertEquals(key, update.get("episodeKey").asText(), "the same dedup key: the open incident changes");
    assertEquals("succeeded", update.at("/context/rollback/state").asText());

    List<Received> calls = RollbackReceivers.hookCalls(path);
    assertEquals(1, calls.size(), "the hook is called once");
    JsonNode request = json(new String(calls.get(0).body(), StandardCharsets.UTF_8));
    Contracts.assertValid("rollback.v1.json", request);
    assertEquals(request.get("id").asText(), calls.get(0).header("webhook-id"));
    assertEquals(key, request.get("episodeKey").asText());
    assertEquals(service, request.at("/deployment/service").asText());
    assertEquals("1.42.0", request.at("/deployment/version").asText());

    assertTrue(given().get("/api/alerts?state=firing&limit=500").then().statusCode(200).extract().jsonPath()
        .getList("key").contains(key), "listed among the firing episodes");
    String api = given().get("/api/alerts/{key}", key).then().statusCode(200).extract().asString();
    JsonNode view = json(api);
    assertEquals("firing", view.at("/episode/state").asText());
    assertEquals("succeeded", view.at("/notification/context/rollback/state").asText());
    assertEquals(service, view.at("/notification/context/recentDeploys/0/service").asText());
    assertTrue(rules(view.get("notification")).contains("recent_deploy"));
    assertEquals(41.0, view.at("/notification/reading/value").asDouble());
    assertEquals(50.0, view.at("/notification/reading/alertValue").asDouble());
    assertEquals("test metric", view.at("/notification/heartbeat/howToRead").asText());
    assertEquals(2, view.get("deliveries").size());
    assertFalse(api.contains(HOOK_TOKEN), "the rollback URL is a capability: never in the API");
    pages.forEach(page -> assertFalse(page.toString().contains(HOOK_TOKEN), "nor in a page"));

    observe(metricId, version, lastRed.plusSeconds(MINUTE), 60);
    List<JsonNode> all = awaitPages(metricId, 3);
    assertEquals("resolved", all.get(2).at("/data/step").asText());
    assertEquals(1, RollbackReceivers.hookCalls(path).size(), "still once after the episode resolved");
    retire(metricId);
  }

  @Test
  void shouldRetryAHookThatAnswers503WithTheSameMessageId() {
    String service = Deployments.service("rb503");
    String path = "/rollback/" + service;
    RollbackReceivers.script(path, Reply.text(503, "busy"));
    String metricId = Fixtures.metricId("rollback503");
    String version = define(metricId, "verified", List.of(service), true);
    deploy(service, "2.0.1", Duration.ofMinutes(10), path);

    String key = drop(metricId, version);
    Row row = awaitRollback(key, "succeeded");
    assertEquals(2, row.getInteger("attempts"));
    List<Received> calls = RollbackReceivers.hookCalls(path);
    assertEquals(2, calls.size());
    assertEquals(1, calls.stream().map(c -> c.header("webhook-id")).distinct().count(),
        "a retry is the same message: the deploy tool acts once");
    assertEquals("rollback:succeeded", awaitPages(metricId, 2).get(1).at("/data/step").asText());
    retire(metricId);
  }

  @Test
  void shouldRecordARefusedRollbackFailedAndSayRollBackByHand() {
    String service = Deployments.service("rb403");
    String path = "/rollback/" + service;
    RollbackReceivers.script(path, Reply.text(403, "version not deployed by this pipeline"));
    String metricId = Fixtures.metricId("rollback403");
    String version = define(metricId, "paging", List.of(service), true);
    deploy(service, "3.1.0", Duration.ofMinutes(6), path);

    String key = drop(metricId, version);
    Row row = awaitRollback(key, "failed");
    assertEquals(403, row.getInteger("last_status"));
    assertEquals(1, RollbackReceivers.hookCalls(path).size(), "a refusal is not retried");
    JsonNode update = awaitPages(metricId, 2).get(1).get("data");
    assertEquals("rollback:failed", update.get("step").asText());
    assertTrue(update.get("context").get("suggestedActions").toString().contains("by hand"), update.toString());
    retire(metricId);
  }

  @Test
  void shouldSkipWithTheReasonAndCallNothing() {
    String service = Deployments.service("rbskip");
    String path = "/rollback/" + service;
    deploy(service, "4.0.0", Duration.ofMinutes(3), path);
    String unverified = Fixtures.metricId("skip_stage");
    String switchedOff = Fixtures.metricId("skip_off");
    String noDeploy = Fixtures.metricId("skip_nodeploy");
    String[] versions = {define(unverified, "unverified", List.of(service), true),
        define(switchedOff, "paging", List.of(service), false),
        define(noDeploy, "paging", List.of(Deployments.service("quiet")), true)};
    String[] metrics = {unverified, switchedOff, noDeploy};
    String[] reasons = {"stage unverified does not allow automation", "switched off for this metric",
        "no deploy of "};
    for (int i = 0; i < metrics.length; i++) {
      String key = drop(metrics[i], versions[i]);
      JsonNode firing = awaitPages(metrics[i], 1).get(0).get("data");
      assertEquals("skipped", firing.at("/context/rollback/state").asText());
      assertTrue(firing.at("/context/rollback/detail").asText().contains(reasons[i]),
          firing.at("/context/rollback/detail").asText());
      assertEquals("skipped", awaitRollback(key, "skipped").getString("state"));
    }
    assertEquals(0, RollbackReceivers.hookCalls(path).size());
    for (String metric : metrics) {
      retire(metric);
    }
  }

  @Test
  void shouldRollADeployBackOnceWhenTwoOfItsHeartbeatsDrop() {
    String service = Deployments.service("rbshared");
    String path = "/rollback/" + service;
    deploy(service, "5.0.0", Duration.ofMinutes(4), path);
    String first = Fixtures.metricId("shared_a");
    String second = Fixtures.metricId("shared_b");
    String firstVersion = define(first, "paging", List.of(service), true);
    String secondVersion = define(second, "paging", List.of(service), true);

    String firstKey = drop(first, firstVersion);
    awaitRollback(firstKey, "succeeded");
    String secondKey = drop(second, secondVersion);
    Row skipped = awaitRollback(secondKey, "skipped");
    assertTrue(skipped.getString("detail").startsWith("already rolled back"), skipped.getString("detail"));
    assertEquals(1, RollbackReceivers.hookCalls(path).size());
    JsonNode view = json(given().get("/api/alerts/{key}", secondKey).then().statusCode(200).extract().asString());
    assertTrue(view.at("/notification/context/otherFailing").toString().contains(first),
        "the other heartbeat failing now is named: " + view.at("/notification/context"));
    assertTrue(rules(view.get("notification")).contains("shared_dependency"));
    retire(first);
    retire(second);
  }

  @Test
  void shouldAnswerProblemsForAnUnknownEpisodeOrState() {
    given().get("/api/alerts/{key}", "no-such-episode").then().statusCode(404)
        .contentType(startsWith("application/problem+json"));
    given().get("/api/alerts?state=sleeping").then().statusCode(400)
        .contentType(startsWith("application/problem+json"));
  }

  /** One green minute, then one red: the episode fires (thresholds, one trigger window). Returns its key. */
  private String drop(String metricId, String version) {
    // One reading of the clock: a minute turning between two calls must not shift the red window off its key.
    Instant red = minute(-2);
    observe(metricId, version, red.minusSeconds(MINUTE), 60);
    observe(metricId, version, red, 41);
    lastRed = red;
    return EventId.of(metricId, "*", red.toString());
  }

  private String define(String metricId, String stage, List<String> services, boolean autoRollback) {
    String version = Fixtures.version(metricId, "v1");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1m", MINUTE);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, 1, 1), d -> {
      d.put("owner", "rollback-team").put("stage", stage).put("autoRollback", autoRollback);
      d.putArray("slas").add("core-platform");
      var linked = d.putArray("linkedServices");
      services.forEach(linked::add);
    }));
    MetricTable.awaitVersion(pool, metricId, version);
    return version;
  }

  /** Retired metrics are not judged: no stale episode (and no second rollback decision) after the test. */
  private void retire(String metricId) {
    String version = Fixtures.version(metricId, "retired");
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1m", MINUTE);
    kafka.sendDefinition(metricId, Fixtures.amend(event, d -> d.put("stage", "retired")));
    MetricTable.awaitVersion(pool, metricId, version);
  }

  private void deploy(String service, String version, Duration finishedAgo, String path) {
    Instant finished = Instant.now().minus(finishedAgo).truncatedTo(ChronoUnit.SECONDS);
    String url = RollbackReceivers.hooks.uri(path) + "?token=" + HOOK_TOKEN;
    given().auth().oauth2(Tokens.of("ci", "deployer")).contentType(ContentType.JSON)
        .body(Deployments.body(service, version, finished.minusSeconds(120), finished, url).toString())
        .post("/api/deployments").then().statusCode(201);
  }

  private void observe(String metricId, String version, Instant windowStart, double value) {
    kafka.sendObservation(metricId, Fixtures.observation(metricId, version, windowStart, MINUTE, "ok", value, null,
        null).toString());
  }

  private static Instant minute(int offset) {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(offset * (long) MINUTE);
  }

  private static List<JsonNode> awaitPages(String metricId, int count) {
    Awaitility.await().atMost(PATIENCE).until(() -> pagesAbout(metricId).size() >= count);
    List<JsonNode> pages = pagesAbout(metricId);
    assertEquals(count, pages.size(), "exactly " + count + " pages: " + pages);
    return pages;
  }

  private static List<JsonNode> pagesAbout(String metricId) {
    return RollbackReceivers.pages.received().stream()
        .map(r -> json(new String(r.body(), StandardCharsets.UTF_8)))
        .filter(page -> metricId.equals(page.at("/data/heartbeat/metricId").asText()))
        .toList();
  }

  private Row awaitRollback(String key, String state) {
    Awaitility.await().atMost(PATIENCE).until(() -> state.equals(rollback(key).getString("state")));
    return rollback(key);
  }

  private Row rollback(String key) {
    var rows = pool.preparedQuery("select * from alert.rollback where episode_key = $1").execute(Tuple.of(key))
        .await().indefinitely();
    return rows.size() == 0
        ? pool.query("select 'absent' as state").execute().await().indefinitely().iterator().next()
        : rows.iterator().next();
  }

  private static List<String> rules(JsonNode notification) {
    return notification.at("/context/suggestedActions").findValuesAsText("rule");
  }

  private static JsonNode json(String text) {
    try {
      return Fixtures.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
