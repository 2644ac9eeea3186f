package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.registry.EventSchema;
import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class DefinitionSyncTest {

  private static final Set<String> DEMO = Set.of("all_inbox_activity", "teammate_replies", "inbox_ui_interactions",
      "web_messenger_parts", "mobile_messenger_messages", "ai_agent_answers", "ai_agent_failure_ratio",
      "checkout_attempts");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final EventSchema schema = new EventSchema("metric-definition.v1.json");

  @AfterEach
  void restoreFolder() throws Exception {
    Files.deleteIfExists(MetricsFolderResource.FOLDER.resolve("broken_period.sql"));
    Files.deleteIfExists(MetricsFolderResource.FOLDER.resolve("tuned_checkouts.sql"));
    Files.deleteIfExists(MetricsFolderResource.FOLDER.resolve("partner_checkouts.sql"));
    Files.copy(Path.of("../db/metrics/teammate_replies.sql"), MetricsFolderResource.FOLDER.resolve("teammate_replies.sql"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    given().post("/api/registry/sync").then().statusCode(200);
  }

  @Test
  void shouldPublishEveryDemoMetricValidAgainstTheContract() {
    try (TopicReader reader = new TopicReader("heartbeat.registry")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream().map(ConsumerRecord::key)
          .collect(Collectors.toSet()).containsAll(DEMO));
      for (ConsumerRecord<String, String> record : reader.poll()) {
        assertEquals(Set.of(), schema.validate(record.value()), "event for " + record.key());
        assertEquals(record.key(), read(record.value()).get("metricId").asText(), "record key is the metric_id");
      }
    }
    given().get("/api/metrics").then().statusCode(200).body("metricId", hasItem("ai_agent_failure_ratio"));
  }

  @Test
  void shouldPublishHistoryVolumeAndSignificanceKeysValidAgainstTheContract() throws Exception {
    Files.writeString(MetricsFolderResource.FOLDER.resolve("tuned_checkouts.sql"), """
        -- name: Tuned checkouts
        -- code: TNCK
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: Checkout attempts per window, judged only over enough of them.
        -- dimension: region
        -- dimension_cap: 50
        -- history_days: 35
        -- min_count: 20
        -- anomaly_trigger_within: 5
        -- anomaly_min_change_percent: 12.5
        -- anomaly_min_change_absolute: 2
        select region as dimension, count(*)::numeric as value, count(*) as count
        from marts.checkout_attempt
        where created_at >= :window_start and created_at < :window_end
        group by rollup (region)
        """);
    given().post("/api/registry/sync").then().statusCode(200).body("added", equalTo(1));
    try (TopicReader reader = new TopicReader("heartbeat.registry")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
          .anyMatch(r -> r.key().equals("tuned_checkouts") && r.value() != null));
      List<ConsumerRecord<String, String>> records = reader.poll();
      ConsumerRecord<String, String> tuned = records.stream()
          .filter(r -> r.key().equals("tuned_checkouts") && r.value() != null).reduce((a, b) -> b).orElseThrow();
      assertEquals(Set.of(), schema.validate(tuned.value()));
      JsonNode definition = read(tuned.value()).get("definition");
      assertEquals(35, definition.get("historyDays").asInt());
      assertEquals(50, definition.get("dimensionCap").asInt());
      assertEquals(20, definition.get("minCount").asDouble());
      assertEquals(5, definition.get("anomaly").get("triggerWithinWindows").asInt());
      assertEquals(12.5, definition.get("anomaly").get("minChangePercent").asDouble());
      assertEquals(2, definition.get("anomaly").get("minChangeAbsolute").asDouble());
      // Unset keys are published as null, so consumers apply their own defaults rather than guess at a missing field.
      JsonNode plain = records.stream().filter(r -> r.key().equals("teammate_replies") && r.value() != null)
          .reduce((a, b) -> b).map(r -> read(r.value()).get("definition")).orElseThrow();
      assertTrue(plain.has("historyDays") && plain.get("historyDays").isNull(), plain.toString());
      assertTrue(plain.get("anomaly").has("minChangePercent") && plain.get("anomaly").get("minChangePercent").isNull());
    }
    given().get("/api/metrics/tuned_checkouts").then().statusCode(200).body("definition.minCount", equalTo(20))
        .body("definition.anomaly.triggerWithinWindows", equalTo(5));
  }

  @Test
  void shouldPublishTheRollbackSwitchValidAgainstTheContract() throws Exception {
    Files.writeString(MetricsFolderResource.FOLDER.resolve("partner_checkouts.sql"), """
        -- name: Partner checkouts
        -- code: PRCK
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: Checkout attempts through the payment partner; a rollback of ours cannot mend their outage.
        -- linked_services: checkout-api
        -- auto_rollback: false
        select count(*)::numeric as value from marts.checkout_attempt
        where created_at >= :window_start and created_at < :window_end
        """);
    given().post("/api/registry/sync").then().statusCode(200).body("added", equalTo(1));
    try (TopicReader reader = new TopicReader("heartbeat.registry")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
          .anyMatch(r -> r.key().equals("partner_checkouts") && r.value() != null));
      List<ConsumerRecord<String, String>> records = reader.poll();
      String off = records.stream().filter(r -> r.key().equals("partner_checkouts") && r.value() != null)
          .reduce((a, b) -> b).map(ConsumerRecord::value).orElseThrow();
      assertEquals(Set.of(), schema.validate(off));
      JsonNode definition = read(off).get("definition");
      assertTrue(definition.get("autoRollback").isBoolean() && !definition.get("autoRollback").asBoolean(), off);
      // A file without the key publishes true, never a missing field or null.
      JsonNode plain = records.stream().filter(r -> r.key().equals("teammate_replies") && r.value() != null)
          .reduce((a, b) -> b).map(r -> read(r.value()).get("definition")).orElseThrow();
      assertTrue(plain.get("autoRollback").isBoolean() && plain.get("autoRollback").asBoolean(), plain.toString());
      // The contract types the field: the same event with null or a quoted word is refused.
      for (String bad : List.of("null", "\"false\"")) {
        String event = off.replace("\"autoRollback\":false", "\"autoRollback\":" + bad);
        assertTrue(schema.validate(event).stream().anyMatch(m -> m.toString().contains("autoRollback")),
            bad + ": " + schema.validate(event));
      }
    }
    given().get("/api/metrics/partner_checkouts").then().statusCode(200)
        .body("definition.autoRollback", equalTo(false)).body("definition.linkedServices", hasItem("checkout-api"));
  }

  @Test
  void shouldPublishNothingOnReSyncWithoutChange() {
    given().post("/api/registry/sync").then().statusCode(200);
    given().post("/api/registry/sync").then().statusCode(200)
        .body("files", equalTo(8)).body("published", equalTo(0)).body("added", equalTo(0)).body("changed", equalTo(0));
  }

  @Test
  void shouldReportBadFileAndKeepGoodOnes() throws Exception {
    Files.writeString(MetricsFolderResource.FOLDER.resolve("broken_period.sql"), """
        -- name: Broken period
        -- code: BRKP
        -- period: 7min
        -- direction: higher_is_better
        -- unit: things
        -- how_to_read: A file with a bad period.
        select count(*) as value from marts.checkout_attempt
        where created_at >= :window_start and created_at < :window_end
        """);
    given().post("/api/registry/sync").then().statusCode(200).body("valid", equalTo(8)).body("invalid", equalTo(1));
    given().get("/api/registry/problems").then().statusCode(200)
        .body("file", hasItem(containsString("broken_period.sql")))
        .body("line", hasItem(3)).body("field", hasItem("period"))
        .body("message", hasItem(containsString("'7min': expected 1m, 5m, 15m, 1h, 1d")));
    given().get("/api/metrics/broken_period").then().statusCode(200).body("state", equalTo("invalid"));
    given().get("/api/metrics/checkout_attempts").then().statusCode(200).body("state", equalTo("valid"));
  }

  @Test
  void shouldKeepLastGoodDefinitionWhenAFileBreaks() throws Exception {
    Path file = MetricsFolderResource.FOLDER.resolve("teammate_replies.sql");
    Files.writeString(file, Files.readString(file).replace("-- direction: higher_is_better", "-- direction: upwards"));
    given().post("/api/registry/sync").then().statusCode(200).body("changed", equalTo(1)).body("published", equalTo(1));
    given().get("/api/metrics/teammate_replies").then().statusCode(200)
        .body("state", equalTo("invalid"))
        .body("definition.direction", equalTo("higher_is_better"))
        .body("problems[0].field", equalTo("direction"))
        .body("problems[0].line", equalTo(4));
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> keys(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).toList();
  }
}
