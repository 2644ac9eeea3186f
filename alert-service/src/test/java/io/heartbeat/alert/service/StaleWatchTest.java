package io.heartbeat.alert.service;

import static io.heartbeat.alert.KafkaSupport.of;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.model.EventId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A heartbeat that stops beating. %test runs the service clock at 60x and checks every second, so a 1m metric
 * whose last observation arrived more than 2 (service) minutes ago goes stale about 2 s after its last beat.
 */
@QuarkusTest
@TestProfile(StaleWatchTest.Checking.class)
class StaleWatchTest {

  /** The stale check is off in other tests (they judge windows of long ago); here it runs every second. */
  public static class Checking implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("heartbeat.alert.stale.check-every", "1s");
    }
  }

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
  void shouldMarkMetricStaleOnceWhenObservationsStop() {
    String metricId = Fixtures.metricId("stale");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1m", 60));
    MetricTable.awaitVersion(pool, metricId, version);
    Instant windowStart = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
    ObjectNode last = Fixtures.observation(metricId, version, windowStart, 60, "ok", 60.0, null, null);
    kafka.sendObservation(metricId, last.toString());
    assertEquals("green", kafka.awaitEvaluation(of(Fixtures.id(last), version)).get("status").asText());

    Predicate<JsonNode> stale = e -> e.get("metricId").asText().equals(metricId)
        && e.get("status").asText().equals("stale");
    JsonNode evaluation = kafka.awaitEvaluation(stale);

    Instant expectedStart = windowStart.plusSeconds(60);
    assertEquals(EventId.of(metricId, "stale", expectedStart.toString()), evaluation.get("id").asText());
    assertEquals(Fixtures.id(last), evaluation.get("observationId").asText());
    assertEquals(expectedStart.toString(), evaluation.get("windowStart").asText());
    assertEquals(expectedStart.plusSeconds(60).toString(), evaluation.get("windowEnd").asText());
    assertEquals(version, evaluation.get("definitionVersion").asText());
    assertEquals("1m", evaluation.get("period").asText());
    assertEquals(true, evaluation.get("value").isNull());
    // The row commits right after Kafka acknowledges the event, so the API may trail the topic by a moment.
    awaitStatus(metricId, "stale");

    // Later ticks of the same silence publish nothing new.
    Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).pollInSameThread()
        .until(() -> kafka.evaluations(stale).size() == 1);

    ObjectNode next = Fixtures.observation(metricId, version, expectedStart, 60, "ok", 61.0, null, null);
    kafka.sendObservation(metricId, next.toString());
    kafka.awaitEvaluation(of(Fixtures.id(next), version));
    awaitStatus(metricId, "green");
  }

  private static void awaitStatus(String metricId, String status) {
    Awaitility.await().atMost(KafkaSupport.PATIENCE).untilAsserted(() ->
        given().get("/api/metrics/{id}/status", metricId).then().statusCode(200).body("status", equalTo(status)));
  }
}
