package io.heartbeat.alert.notify.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Episodes;
import io.heartbeat.alert.notify.SwitchedReceiver;
import io.heartbeat.alert.notify.SwitchedReceiver.Received;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Heartbeat's own alert on the real path: pages to a receiver that answers 410 Gone (final for a webhook) are given
 * up; the first raises "Heartbeat could not page own-refusing" once at each other receiver, a second while it is
 * open only counts, the receiver's next delivered page resolves it once, and a later failure opens a new one.
 */
@QuarkusTest
@QuarkusTestResource(value = OutagesTest.Receivers.class, restrictToAnnotatedClass = true)
class OutagesTest {

  private static final String REFUSING = "own-refusing";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** own-refusing is the only receiver routes name; own-up and own-other hear of it only through own alerts. */
  public static class Receivers implements QuarkusTestResourceLifecycleManager {

    static SwitchedReceiver refusing;
    static SwitchedReceiver up;
    static SwitchedReceiver other;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
      vertx = Vertx.vertx();
      refusing = SwitchedReceiver.start(vertx, REFUSING);
      up = SwitchedReceiver.start(vertx, "own-up");
      other = SwitchedReceiver.start(vertx, "own-other");
      String routes = """
          version: 1
          page_stages: [paging]
          receivers:
            - {name: own-refusing, kind: webhook, url: "%s", secret_env: TEST_OWN_SECRET, timeout: 2s}
            - {name: own-up, kind: webhook, url: "%s", secret_env: TEST_OWN_SECRET, timeout: 2s}
            - {name: own-other, kind: webhook, url: "%s", secret_env: TEST_OWN_SECRET, timeout: 2s}
          routes:
            - match: {team: own-team}
              receivers: [own-refusing]
          """.formatted(refusing.url(), up.url(), other.url());
      try {
        Path file = Files.createTempFile("routes-own-", ".yaml");
        Files.writeString(file, routes);
        file.toFile().deleteOnExit();
        return Map.of("heartbeat.notify.routes-file", file.toString(),
            "TEST_OWN_SECRET", WebhookSecret.generate().serialized());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void stop() {
      SwitchedReceiver.close(vertx, Duration.ofSeconds(10));
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
  void shouldRaiseOneOwnAlertPerOutageAtTheOtherReceiversAndResolveItOnTheNextDelivery() {
    Episodes episodes = new Episodes(kafka, pool);
    String first = episodes.define("own_first", "own-team", "unverified");
    String second = episodes.define("own_second", "own-team", "unverified");
    String back = episodes.define("own_back", "own-team", "unverified");
    String again = episodes.define("own_again", "own-team", "unverified");
    String later = episodes.define("own_later", "own-team", "unverified");
    Receivers.refusing.script(first, 410);
    Receivers.refusing.script(second, 410);
    Receivers.refusing.script(later, 410);

    episodes.fire(first);
    Row failed = awaitRow(first, "failed");
    String key = "heartbeat-notify:own-refusing:" + EventId.of(failed.getString("id"));
    awaitOwnAlerts(1);
    for (SwitchedReceiver receiver : List.of(Receivers.up, Receivers.other)) {
      Received trigger = receiver.ownAlertsAbout(REFUSING).get(0);
      assertEquals(key, trigger.episodeKey());
      assertEquals("firing", trigger.step());
      assertEquals("red", trigger.notification().path("severity").asText());
      assertEquals("Heartbeat could not page own-refusing: 1 page given up, 0 more waiting; last error: HTTP 410,"
          + " not retryable", trigger.notification().path("summary").asText());
      assertTrue(trigger.notification().at("/links/0/href").asText()
          .endsWith("/api/alerts/" + Episodes.key(first) + "/deliveries"), trigger.notification().toString());
    }

    // A second page given up while the own alert is open counts, in the same transaction, and triggers nothing.
    episodes.fire(second);
    awaitRow(second, "failed");
    Row open = outage(key);
    assertEquals(2, open.getInteger("failed_pages"));
    assertEquals(2L, pages(key), "one trigger per other receiver, no second one");

    // The receiver takes a page again: the own alert resolves, once, where it was raised.
    episodes.fire(back);
    awaitRow(back, "delivered");
    awaitOwnAlerts(2);
    for (SwitchedReceiver receiver : List.of(Receivers.up, Receivers.other)) {
      Received resolve = receiver.ownAlertsAbout(REFUSING).get(1);
      assertEquals(key, resolve.episodeKey());
      assertEquals("resolved", resolve.step());
      assertTrue(resolve.notification().path("summary").asText().contains("2 pages given up meanwhile"));
      assertNotNull(resolve.notification().get("recovery"));
    }
    assertNotNull(outage(key).getOffsetDateTime("resolved_at"));
    episodes.fire(again);
    awaitRow(again, "delivered");
    assertEquals(4L, pages(key), "the next success resolves nothing more");

    // A later failure is a new outage under a new key.
    episodes.fire(later);
    Row failedLater = awaitRow(later, "failed");
    String laterKey = "heartbeat-notify:own-refusing:" + EventId.of(failedLater.getString("id"));
    assertNotEquals(key, laterKey);
    awaitOwnAlerts(3);
    assertEquals(laterKey, Receivers.up.ownAlertsAbout(REFUSING).get(2).episodeKey());

    assertEquals(List.of(), Receivers.refusing.ownAlertsAbout(REFUSING), "never told to the receiver it is about");
    for (SwitchedReceiver receiver : List.of(Receivers.up, Receivers.other)) {
      assertEquals(List.of("firing", "resolved", "firing"), receiver.ownAlertsAbout(REFUSING).stream()
          .filter(Received::delivered).map(Received::step).toList(), receiver.name);
    }
  }

  /** Waits until both other receivers got this many own alerts about own-refusing, then a second for any more. */
  private void awaitOwnAlerts(int count) {
    Awaitility.await().atMost(PATIENCE).until(() -> Receivers.up.ownAlertsAbout(REFUSING).size() >= count
        && Receivers.other.ownAlertsAbout(REFUSING).size() >= count);
    Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> Receivers.up.ownAlertsAbout(REFUSING).size() == count
            && Receivers.other.ownAlertsAbout(REFUSING).size() == count);
  }

  private Row awaitRow(String metricId, String state) {
    Awaitility.await().atMost(PATIENCE).until(() -> state.equals(row(metricId).getString("state")));
    return row(metricId);
  }

  private Row row(String metricId) {
    var rows = pool.preparedQuery("select id, state from alert.outbox where episode_key = $1 and receiver = $2")
        .execute(Tuple.of(Episodes.key(metricId), REFUSING)).await().indefinitely();
    return rows.size() == 0
        ? pool.query("select '' as id, 'absent' as state").execute().await().indefinitely().iterator().next()
        : rows.iterator().next();
  }

  private Row outage(String key) {
    return pool.preparedQuery("select * from alert.notify_outage where episode_key = $1").execute(Tuple.of(key))
        .await().indefinitely().iterator().next();
  }

  private long pages(String key) {
    return pool.preparedQuery("select count(*) from alert.outbox where episode_key = $1").execute(Tuple.of(key))
        .await().indefinitely().iterator().next().getLong(0);
  }
}
