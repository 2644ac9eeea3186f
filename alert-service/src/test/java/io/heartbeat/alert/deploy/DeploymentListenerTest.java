package io.heartbeat.alert.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** heartbeat.deployments on the real broker: recorded once however often it arrives; bad events never block. */
@QuarkusTest
class DeploymentListenerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Instant STARTED = Instant.parse("2026-03-10T14:00:00Z");
  private static final Instant FINISHED = Instant.parse("2026-03-10T14:05:00Z");

  private static DeploymentTopic topic;
  private static LogCapture logs;

  @Inject
  DeploymentRepository deployments;
  @Inject
  Pool pool;

  @BeforeAll
  static void connect() {
    topic = new DeploymentTopic();
    logs = LogCapture.install();
  }

  @AfterAll
  static void disconnect() {
    topic.close();
    logs.close();
  }

  private Deployment awaitRecorded(String id) {
    return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(() -> deployments.find(id).await().atMost(Duration.ofSeconds(5)), found -> found != null);
  }

  private long rows(String service) {
    return pool.preparedQuery("select count(*) from alert.deployment where service = $1")
        .execute(Tuple.of(service)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
  }

  @Test
  void shouldRecordAnEventOnceWhenReplayed() {
    String service = Deployments.service("replayed");
    String token = "tok-" + UUID.randomUUID();
    ObjectNode event = Deployments.event(service, "2.0.0", STARTED, FINISHED,
        "https://deploy.example.com/rollback?token=" + token);

    topic.send(service, event.toString());
    topic.send(service, event.toString());

    Deployment recorded = awaitRecorded(event.get("id").asText());
    assertEquals(service, recorded.service());
    assertEquals("https://deploy.example.com/rollback?token=" + token, recorded.rollbackUrl().reveal());
    Awaitility.await().atMost(PATIENCE).until(() -> !logs.containing("already recorded id=" + recorded.id()).isEmpty());
    assertEquals(1, rows(service));
    assertEquals(1, logs.containing("Deployment recorded id=" + recorded.id()).size());
    assertTrue(logs.containing("Deployment recorded id=" + recorded.id()).get(0)
        .contains("rollback=https://deploy.example.com via=event"));
    assertEquals(java.util.List.of(), logs.containing(token));
  }

  @Test
  void shouldSkipInvalidEventsWithoutBlockingTheNext() {
    String service = Deployments.service("poison");
    String token = "tok-" + UUID.randomUUID();
    ObjectNode invalid = Deployments.event(service, "1.0.0", STARTED, FINISHED, null)
        .put("commit", "zzz").put("rollbackUrl", "http://deploy.example.com/r?token=" + token);
    ObjectNode valid = Deployments.event(service, "1.0.1", STARTED, FINISHED, null);

    // Same key, so the same partition: the valid event is read only after the invalid ones.
    topic.send(service, "{not json, token=" + token);
    topic.send(service, invalid.toString());
    topic.send(service, null);
    topic.send(service, valid.toString());

    awaitRecorded(valid.get("id").asText());
    assertEquals(1, rows(service));
    String skipped = logs.containing("Skipped invalid deployment event").stream()
        .filter(line -> line.contains("key=" + service) && line.contains("commit:")).findFirst().orElseThrow();
    assertTrue(skipped.contains("commit: must be a git commit sha"), skipped);
    assertTrue(skipped.contains("rollbackUrl: must use https"), skipped);
    assertEquals(3, logs.containing("Skipped invalid deployment event").stream()
        .filter(line -> line.contains("key=" + service)).count());
    assertEquals(java.util.List.of(), logs.containing(token));
  }

  @Test
  void shouldKeepTheFirstDeploymentWhenTheSameIdArrivesWithOtherFields() {
    String service = Deployments.service("clash");
    ObjectNode first = Deployments.event(service, "3.0.0", STARTED, FINISHED, null);
    ObjectNode other = first.deepCopy().put("author", "mallory");
    ObjectNode next = Deployments.event(service, "3.0.1", STARTED, FINISHED, null);

    topic.send(service, first.toString());
    topic.send(service, other.toString());
    topic.send(service, next.toString());

    awaitRecorded(next.get("id").asText());
    assertEquals("ci-bot", deployments.find(first.get("id").asText()).await().atMost(Duration.ofSeconds(5)).author());
    assertEquals(1, logs.containing("Deployment refused: id known with other fields id=" + first.get("id").asText())
        .size());
  }
}
