package io.heartbeat.cockpit.mcp;

import static io.heartbeat.cockpit.Fixtures.ALERTS;
import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.NOTIFICATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.alertStep;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.contextNotice;
import static io.heartbeat.cockpit.Fixtures.dedupKey;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.forCustomer;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.sendAll;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.heartbeat.cockpit.Fixtures.withBand;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.cockpit.Tiles;
import io.heartbeat.cockpit.Tokens;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** An MCP client over Streamable HTTP at /mcp: every tool and the methodology resources, on data fed through Kafka. */
@QuarkusTest
@QuarkusTestResource(value = AlertServiceStub.class, restrictToAnnotatedClass = true)
class McpToolsTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final List<String> TOOLS = List.of("list_heartbeats", "get_metric", "get_series", "explain_status",
      "active_alerts", "sla_report");

  /** A red metric: below its alert value and its band, one customer slice, a firing episode with suggestions. */
  private static String red;
  private static String redKey;
  /** A green metric inside its band, without an episode. */
  private static String green;

  @TestHTTPResource
  URI uri;

  private McpStreamableTestClient client;

  @AfterEach
  void disconnect() {
    if (client != null) {
      client.disconnect();
    }
  }

  private McpStreamableTestClient connect() {
    client = McpAssured.newStreamableClient().setBaseUri(uri).build().connect(init ->
        assertEquals("heartbeat-cockpit", init.serverName()));
    return client;
  }

  private static synchronized void seed() {
    if (red != null) {
      return;
    }
    String redId = metricId("mcp_red");
    String greenId = metricId("mcp_green");
    send(REGISTRY, redId, defined(redId, code(), "Messages created", Instant.now()));
    send(REGISTRY, greenId, defined(greenId, code(), "Checkouts attempted", Instant.now()));
    List<ObjectNode> windows = new ArrayList<>();
    for (int i = 6; i >= 1; i--) {
      boolean drop = i <= 2;
      windows.add(withBand(evaluation(redId, window(i), drop ? "red" : "green", drop ? 12.0 : 95.0, Instant.now()),
          90, 70, 110));
      windows.add(withBand(forCustomer(evaluation(redId, window(i), drop ? "anomalous" : "green", drop ? 1.0 : 40.0,
          Instant.now()), "acme"), 40, 30, 50));
    }
    sendAll(EVALUATIONS, redId, windows);
    send(EVALUATIONS, greenId, withBand(evaluation(greenId, window(1), "green", 100.0, Instant.now()), 95, 80, 110));
    Instant start = window(2);
    String key = dedupKey(redId, start);
    send(ALERTS, redId, alertStep(redId, "firing", "red", null, start, window(1), Instant.now()));
    send(NOTIFICATIONS, redId, contextNotice(redId, key, "firing", Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(redId).map(t -> t.get("alert") != null && "red".equals(t.get("status")))
        .orElse(false) && Tiles.find(greenId).map(t -> "green".equals(t.get("status"))).orElse(false));
    red = redId;
    redKey = key;
    green = greenId;
  }

  @Test
  void shouldInitializeAndListTheSixToolsWithDescriptions() {
    connect().when().toolsList(page -> {
      assertEquals(TOOLS.size(), page.size(), "tools: " + page.tools());
      TOOLS.forEach(name -> {
        assertNotNull(page.findByName(name), name);
        assertTrue(page.findByName(name).description().length() > 80, "a description to act on: " + name);
      });
      JsonObject series = page.findByName("get_series").inputSchema();
      assertEquals(new JsonArray().add("metricId"), series.getJsonArray("required"), series.encode());
    }).thenAssertResults();
  }

  @Test
  void shouldListHeartbeatsFilteredByStatusWithoutSparklines() {
    seed();
    connect().when()
        .toolsCall("list_heartbeats", Map.of("status", "red, amber"), r -> {
          JsonArray tiles = array(r);
          JsonObject tile = find(tiles, red);
          assertNotNull(tile, "the red metric is listed: " + tiles);
          assertNull(find(tiles, green), "green is filtered out");
          tiles.forEach(t -> assertTrue(List.of("red", "amber").contains(((JsonObject) t).getString("status"))));
          assertEquals(12.0, tile.getDouble("value"));
          assertEquals("msg/min", tile.getString("unit"));
          assertEquals(40.0, tile.getDouble("alertValue"));
          assertEquals(80.0, tile.getDouble("normValue"));
          assertEquals(70.0, tile.getJsonObject("band").getDouble("lower"));
          assertEquals(redKey, tile.getJsonObject("alert").getString("dedupKey"));
          assertTrue(tile.containsKey("staleReason"));
          assertNull(tile.getValue("sparkline"), "sparklines are for drawing");
        })
        .toolsCall("list_heartbeats", Map.of(), r -> {
          JsonArray tiles = array(r);
          assertNotNull(find(tiles, red));
          assertNotNull(find(tiles, green));
        })
        .toolsCall("list_heartbeats", Map.of("status", "red,purple"), r -> {
          assertTrue(r.isError());
          assertTrue(text(r).contains("'purple'") && text(r).contains("anomalous"), text(r));
        })
        .thenAssertResults();
  }

  @Test
  void shouldGetTheMetricContract() {
    seed();
    connect().when().toolsCall("get_metric", Map.of("metricId", red), r -> {
      JsonObject m = object(r);
      assertEquals(red, m.getString("metricId"));
      assertEquals("5m", m.getString("period"));
      assertEquals(80.0, m.getDouble("normValue"));
      assertEquals(40.0, m.getDouble("alertValue"));
      assertEquals(120.0, m.getDouble("targetValue"));
      assertEquals("2027-06-30", m.getString("targetDueDate"));
      assertTrue(m.containsKey("benchmarkMean"));
      assertEquals("unverified", m.getString("stage"));
      assertEquals("messaging-team", m.getString("owner"));
      assertEquals("count of messages.created_at in the window", m.getString("methodology"));
      assertTrue(m.getString("howToRead").startsWith("Messages created per minute"));
      assertEquals(new JsonArray().add("marts.messages"), m.getJsonArray("sources"));
      assertTrue(m.containsKey("runbook"));
      assertEquals("red", m.getJsonObject("tile").getString("status"));
    }).thenAssertResults();
  }

  @Test
  void shouldGetTheSeriesOfTheTotalAndOfOneCustomer() {
    seed();
    String from = window(8).toString();
    String to = window(0).toString();
    AtomicReference<JsonObject> acme = new AtomicReference<>();
    await().atMost(WAIT).untilAsserted(() -> connect().when().toolsCall("get_series",
        Map.of("metricId", red, "from", from, "to", to, "dimension", "customer=acme"), r -> {
          acme.set(object(r));
          assertEquals(6, acme.get().getJsonArray("points").size(), acme.get().encode());
        }).thenAssertResults());
    assertEquals("customer=acme", acme.get().getString("dimension"));
    assertEquals(1.0, acme.get().getJsonArray("points").getJsonObject(5).getDouble("v"));
    client.when()
        .toolsCall("get_series", Map.of("metricId", red, "from", from, "to", to, "points", 10), r -> {
          JsonObject total = object(r);
          JsonArray points = total.getJsonArray("points");
          assertEquals(6, points.size(), total.encode());
          JsonObject last = points.getJsonObject(5);
          assertEquals(12.0, last.getDouble("v"));
          assertEquals(70.0, last.getDouble("lo"));
          assertTrue(last.getBoolean("out"), "below the band on the bad side");
          assertEquals(40.0, total.getDouble("alertValue"));
          assertEquals(redKey, total.getJsonArray("episodes").getJsonObject(0).getString("dedupKey"));
        })
        .toolsCall("get_series", Map.of("metricId", red, "from", "yesterday"), r -> {
          assertTrue(r.isError());
          assertTrue(text(r).contains("'from'"), text(r));
        })
        .toolsCall("get_series", Map.of("metricId", red, "dimension", "planet=mars"), r -> {
          assertTrue(r.isError());
          assertTrue(text(r).contains("'dimension'"), text(r));
        })
        .toolsCall("get_series", Map.of("metricId", red, "points", 3), r -> assertTrue(r.isError()))
        .thenAssertResults();
  }

  @Test
  void shouldExplainARedStatusByRuleThresholdsBandAndEpisode() {
    seed();
    connect().when()
        .toolsCall("explain_status", Map.of("metricId", red), r -> {
          JsonObject e = object(r);
          assertEquals("red", e.getString("status"));
          assertEquals("red: value 12.0 judged against norm 80 and alert 40", e.getString("rule"));
          assertEquals("beyond_alert", e.getString("thresholdPosition"));
          assertEquals("higher_is_better", e.getString("direction"));
          assertEquals(90.0, e.getJsonObject("band").getDouble("expected"));
          assertTrue(e.getBoolean("outsideBand"));
          assertEquals("below", e.getString("bandSide"));
          assertTrue(e.getBoolean("onBadSide"));
          assertNull(e.getString("staleReason"));
          assertEquals(redKey, e.getJsonObject("openEpisode").getString("dedupKey"));
          assertEquals("firing: red for 2 windows (trigger 2)", e.getJsonObject("openEpisode").getString("reason"));
          String words = e.getString("explanation");
          assertTrue(words.contains("is RED") && words.contains("worse than the alert value")
              && words.contains("outside the band (expected 90, 70 to 110), below it, the bad side")
              && words.contains(redKey), words);
        })
        .toolsCall("explain_status", Map.of("metricId", green), r -> {
          JsonObject e = object(r);
          assertEquals("within_thresholds", e.getString("thresholdPosition"));
          assertFalse(e.getBoolean("outsideBand"));
          assertNull(e.getValue("openEpisode"));
          assertTrue(e.getString("explanation").contains("inside the band"), e.getString("explanation"));
        })
        .thenAssertResults();
  }

  @Test
  void shouldAnswerAnUnknownMetricWithAToolErrorNamingIt() {
    connect().when()
        .toolsCall("explain_status", Map.of("metricId", "no_such_metric"), r -> assertUnknown(r))
        .toolsCall("get_metric", Map.of("metricId", "no_such_metric"), r -> assertUnknown(r))
        .toolsCall("get_series", Map.of("metricId", "no_such_metric"), r -> assertUnknown(r))
        .thenAssertResults();
  }

  private static void assertUnknown(ToolResponse r) {
    assertTrue(r.isError(), "isError: " + r);
    assertEquals("No metric with id no_such_metric in the registry", text(r));
  }

  @Test
  void shouldListFiringEpisodesWithSuggestedActionsAndRollback() {
    seed();
    await().atMost(WAIT).untilAsserted(() -> connect().when().toolsCall("active_alerts", Map.of(), r -> {
      JsonObject page = object(r);
      JsonObject alert = find(page.getJsonArray("items"), red);
      assertNotNull(alert, page.encode());
      assertEquals(redKey, alert.getString("dedupKey"));
      assertEquals("firing", alert.getString("state"));
      assertEquals("Roll back messaging-api 2.0.1", alert.getJsonArray("suggestedActions").getJsonObject(0)
          .getString("action"));
      assertEquals("started", alert.getJsonObject("rollback").getString("state"));
      assertNotNull(alert.getJsonArray("deliveries"));
      page.getJsonArray("items").forEach(a -> assertEquals("firing", ((JsonObject) a).getString("state")));
    }).thenAssertResults());
  }

  @Test
  void shouldReportSlasFromTheLedgerWithTheCallersToken() {
    seed();
    String token = Tokens.of("victor", "viewer");
    client = McpAssured.newStreamableClient().setBaseUri(uri)
        .setAdditionalHeaders(message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token))
        .build().connect();
    AlertServiceStub.AUTHORIZATIONS.clear();
    client.when()
        .toolsCall("sla_report", Map.of("sla", "core-platform"), r -> {
          JsonObject report = object(r);
          assertEquals("core-platform", report.getString("sla"));
          assertEquals(99.95, report.getDouble("availabilityPercent"));
          assertEquals(21.5, report.getDouble("downtimeMinutes"));
          assertEquals(3.0, report.getDouble("unmeasuredMinutes"));
          assertEquals(21.7, report.getJsonObject("errorBudget").getDouble("remainingMinutes"));
          assertTrue(report.getJsonArray("metrics").contains(red));
        })
        .toolsCall("sla_report", Map.of(), r -> assertNotNull(find(array(r), "core-platform", "sla")))
        .toolsCall("sla_report", Map.of("sla", "no-such-sla"), r -> {
          assertTrue(r.isError());
          assertTrue(text(r).contains("no-such-sla") && text(r).contains("core-platform"), text(r));
        })
        .thenAssertResults();
    assertTrue(AlertServiceStub.AUTHORIZATIONS.contains("Bearer " + token),
        "alert-service is asked with the caller's token: " + AlertServiceStub.AUTHORIZATIONS.size() + " calls");
  }

  @Test
  void shouldReadAndListEachMetricsMethodology() {
    seed();
    String methodology = MethodologyResources.uri(red);
    connect().when()
        .resourcesTemplatesList(page -> assertEquals("text/markdown",
            page.findByUriTemplate("heartbeat://metrics/{metricId}/methodology").mimeType()))
        .resourcesRead(methodology, r -> {
          TextResourceContents md = r.firstContents().asText();
          assertEquals("text/markdown", md.mimeType());
          assertEquals(methodology, md.uri());
          assertTrue(md.text().startsWith("# Messages created ("), md.text());
          assertTrue(md.text().contains("## How to read\n\nMessages created per minute"), md.text());
          assertTrue(md.text().contains("## Methodology\n\ncount of messages.created_at in the window"), md.text());
          assertTrue(md.text().contains("## Sources\n\n- marts.messages"), md.text());
        })
        .resourcesRead("heartbeat://metrics/no_such_metric/methodology").withErrorAssert(error -> {
          assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, error.code());
          assertTrue(error.message().contains("no_such_metric"), error.message());
        }).send()
        .thenAssertResults();
    // findByUri throws while the resource list has not been refreshed yet: retried like a failed assertion.
    await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> client.when().resourcesList(page -> {
      assertNotNull(page.findByUri(methodology), "listed: " + page.resources());
      assertEquals("text/markdown", page.findByUri(methodology).mimeType());
    }).thenAssertResults());
  }

  private static String text(ToolResponse r) {
    return ((TextContent) r.firstContent()).text();
  }

  private static JsonObject object(ToolResponse r) {
    assertFalse(r.isError(), () -> "tool error: " + text(r));
    return new JsonObject(text(r));
  }

  private static JsonArray array(ToolResponse r) {
    assertFalse(r.isError(), () -> "tool error: " + text(r));
    return new JsonArray(text(r));
  }

  private static JsonObject find(JsonArray items, String metricId) {
    return find(items, metricId, "metricId");
  }

  private static JsonObject find(JsonArray items, String value, String field) {
    for (Object item : items) {
      if (item instanceof JsonObject o && value.equals(o.getString(field))) {
        return o;
      }
    }
    return null;
  }
}
