package io.heartbeat.cockpit.service;

import static io.heartbeat.cockpit.Fixtures.ALERTS;
import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.alertStep;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.dedupKey;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.forCustomer;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.sendAll;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.heartbeat.cockpit.Fixtures.withBand;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/** The read model is a function of the topics: dropped and replayed, it reaches the same state. */
@QuarkusTest
class RebuildTest {

  @Inject
  KafkaClientService kafka;

  @Test
  void shouldReachTheSameStateAfterTheTablesAreDroppedAndTheTopicsReplayed() {
    String id = metricId("rebuild");
    send(REGISTRY, id, defined(id, code(), "Rebuilt heartbeat", Instant.now()));
    sendAll(EVALUATIONS, id, List.of(
        withBand(evaluation(id, window(3), "green", 95.0, Instant.now()), 90, 70, 110),
        withBand(evaluation(id, window(2), "red", 12.0, Instant.now()), 90, 70, 110),
        withBand(forCustomer(evaluation(id, window(2), "anomalous", 1.0, Instant.now()), "acme"), 40, 30, 50)));
    String key = dedupKey(id, window(2));
    send(ALERTS, id, alertStep(id, "firing", "red", null, window(2), window(2), Instant.now()));

    String alert = await().atMost(Duration.ofSeconds(60)).until(() -> view("/api/alerts/" + key), a -> a != null);
    // The state before: everything applied, the tile red with its open episode.
    String tile = await().atMost(Duration.ofSeconds(60)).until(() -> view("/api/metrics/" + id),
        t -> t != null && t.contains("\"status\":\"red\"") && t.contains("\"alert\":{\"dedupKey\":\"" + key));
    String series = view("/api/metrics/" + id + "/series?from=" + window(4));
    String movers = view("/api/metrics/" + id + "/dimensions");

    given().auth().oauth2(Tokens.of("olga", "operator")).post("/api/admin/rebuild").then().statusCode(403);
    given().auth().oauth2(Tokens.of("ada", "admin")).post("/api/admin/rebuild").then().statusCode(202);

    // The replay runs to the end of every topic (every earlier test's events too): once the consumers are there,
    // this metric is as it was, and the tests after this one find the read model whole.
    awaitReplayed();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertEquals(tile, view("/api/metrics/" + id));
      assertEquals(alert, view("/api/alerts/" + key));
      assertEquals(series, view("/api/metrics/" + id + "/series?from=" + window(4)));
      assertEquals(movers, view("/api/metrics/" + id + "/dimensions"));
    });
  }

  /** Until every consumer of the cockpit's channels has fetched up to the end of each partition assigned to it. */
  void awaitReplayed() {
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      for (String channel : List.of("registry", "evaluations", "alerts", "deployments", "notifications")) {
        for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
          boolean atEnd = consumer.runOnPollingThread(c -> {
            Set<TopicPartition> assigned = c.assignment();
            Map<TopicPartition, Long> ends = c.endOffsets(assigned);
            return assigned.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
          }).await().atMost(Duration.ofSeconds(30));
          if (!atEnd) {
            return false;
          }
        }
      }
      return true;
    });
  }

  private static String view(String path) {
    var response = given().urlEncodingEnabled(false).get(path);
    if (response.statusCode() != 200) {
      return null;
    }
    // The series' default `to` is the request time: compare everything but it.
    return response.asString().replaceAll("\"to\":\"[^\"]*\"", "\"to\":-");
  }
}
