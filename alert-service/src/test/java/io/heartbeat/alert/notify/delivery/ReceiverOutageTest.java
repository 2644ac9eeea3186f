package io.heartbeat.alert.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Episodes;
import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.SwitchedReceiver;
import io.heartbeat.alert.notify.SwitchedReceiver.Received;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receivers down for long stretches of service time, with the shipped retry settings and the clock 60 times faster
 * than the wall: ten minutes without an answer (refused, then 503) cost a receiver nothing once it is back, every
 * page arriving once and in order, retried as the backoff predicts, while a healthy receiver is paged at once; an
 * hour without one gives the page up, counts it, and raises Heartbeat's own alert at the other receivers.
 */
@QuarkusTest
@TestProfile(ReceiverOutageTest.ShippedDelivery.class)
@QuarkusTestResource(value = ReceiverOutageTest.Receivers.class, restrictToAnnotatedClass = true)
class ReceiverOutageTest {

  private static final String TEN_MINUTES = "outage-ten";
  private static final String AN_HOUR = "outage-hour";
  private static final Duration BACKOFF_INITIAL = Duration.ofSeconds(2);
  private static final Duration BACKOFF_MAX = Duration.ofMinutes(5);
  private static final Duration MAX_AGE = Duration.ofHours(1);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /**
   * What ships (application.properties without its %test shortcuts), at 60x: an hour of service time is a minute.
   * The worker's poll is a wall-clock timer, so it is scaled by hand: the shipped 1 s at 60x is about 17 ms.
   */
  public static class ShippedDelivery implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("heartbeat.alert.clock.rate", "60",
          "heartbeat.notify.backoff-initial", BACKOFF_INITIAL.toSeconds() + "s",
          "heartbeat.notify.backoff-max", BACKOFF_MAX.toMinutes() + "m",
          "heartbeat.notify.max-age", MAX_AGE.toHours() + "h",
          "heartbeat.notify.lease", "2m",
          "heartbeat.notify.poll-every", "20ms");
    }
  }

  /** Three switchable webhook receivers: down (the ten-minute outage), gone (the hour) and up (always answers). */
  public static class Receivers implements QuarkusTestResourceLifecycleManager {

    static SwitchedReceiver down;
    static SwitchedReceiver gone;
    static SwitchedReceiver up;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
      vertx = Vertx.vertx();
      down = SwitchedReceiver.start(vertx, "outage-down");
      gone = SwitchedReceiver.start(vertx, "outage-gone");
      up = SwitchedReceiver.start(vertx, "outage-up");
      String routes = """
          version: 1
          page_stages: [paging]
          receivers:
            - {name: outage-down, kind: webhook, url: "%s", secret_env: TEST_OUTAGE_SECRET, timeout: 2s}
            - {name: outage-gone, kind: webhook, url: "%s", secret_env: TEST_OUTAGE_SECRET, timeout: 2s}
            - {name: outage-up, kind: webhook, url: "%s", secret_env: TEST_OUTAGE_SECRET, timeout: 2s}
          routes:
            - match: {team: %s}
              receivers: [outage-down, outage-up]
            - match: {team: %s}
              receivers: [outage-gone, outage-up]
          """.formatted(down.url(), gone.url(), up.url(), TEN_MINUTES, AN_HOUR);
      try {
        Path file = Files.createTempFile("routes-outage-", ".yaml");
        Files.writeString(file, routes);
        file.toFile().deleteOnExit();
        return Map.of("heartbeat.notify.routes-file", file.toString(),
            "TEST_OUTAGE_SECRET", WebhookSecret.generate().serialized());
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

  @Inject
  Clock clock;

  @Inject
  NotifyConfig config;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void shouldDeliverEveryPendingPageOnceAfterTenMinutesWithoutAnAnswer() {
    Episodes episodes = new Episodes(kafka, pool);
    List<String> early = List.of(episodes.define("ten_a", TEN_MINUTES, "unverified"),
        episodes.define("ten_b", TEN_MINUTES, "unverified"), episodes.define("ten_c", TEN_MINUTES, "unverified"));
    String late = episodes.define("ten_late", TEN_MINUTES, "unverified");
    String resolving = early.get(0);

    Receivers.down.refuse();
    Instant downAt = clock.instant();
    early.forEach(episodes::fire);
    episodes.resolve(resolving);
    awaitService(downAt.plus(Duration.ofMinutes(5)));
    Receivers.down.unavailable();
    episodes.fire(late);
    List<String> all = List.of(early.get(0), early.get(1), early.get(2), late);
    Awaitility.await().atMost(PATIENCE).until(() -> all.stream().allMatch(id -> Receivers.up.about(id).size()
        == (id.equals(resolving) ? 2 : 1)));
    awaitService(downAt.plus(Duration.ofMinutes(10)));

    assertEquals(List.of(), all.stream().flatMap(id -> Receivers.down.about(id).stream())
        .filter(Received::delivered).toList(), "nothing got through during the outage");
    Instant upAgain = clock.instant();
    Receivers.down.answer();

    Awaitility.await().atMost(PATIENCE).until(() -> all.stream().allMatch(id -> rows(id, "outage-down").stream()
        .allMatch(r -> r.getString("state").equals("delivered"))));
    // Nothing more arrives later: no page is sent a second time.
    Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> all.stream()
        .mapToLong(id -> Receivers.down.about(id).stream().filter(Received::delivered).count()).sum() == 5);

    for (String id : all) {
      Map<String, Long> perStep = Receivers.down.about(id).stream().filter(Received::delivered)
          .collect(Collectors.groupingBy(r -> r.episodeKey() + "|" + r.step(), Collectors.counting()));
      Map<String, Long> expected = id.equals(resolving)
          ? Map.of(Episodes.key(id) + "|firing", 1L, Episodes.key(id) + "|resolved", 1L)
          : Map.of(Episodes.key(id) + "|firing", 1L);
      assertEquals(expected, perStep, "each page of " + id + " delivered exactly once");
    }
    List<String> resolvingSteps = Receivers.down.about(resolving).stream().filter(Received::delivered)
        .map(Received::step).toList();
    assertEquals(List.of("firing", "resolved"), resolvingSteps, "the resolve never overtakes its trigger");

    for (String id : all) {
      for (Row row : rows(id, "outage-down")) {
        String step = row.getString("step");
        Instant created = instant(row, "created_at");
        Instant delivered = instant(row, "delivered_at");
        int attempts = row.getInteger("attempts");
        assertTrue(delivered.isAfter(upAgain), "delivered once back, not before: " + delivered);
        assertTrue(Duration.between(upAgain, delivered).compareTo(BACKOFF_MAX.plusMinutes(1)) <= 0,
            "delivered within one maximum backoff of coming back: " + Duration.between(upAgain, delivered));
        long answeredAttempts = Receivers.down.about(id).stream().filter(r -> r.step().equals(step)).count();
        assertTrue(answeredAttempts <= attempts, "refused attempts never reached it: " + answeredAttempts
            + " of " + attempts);
        if (step.equals("resolved")) {
          assertEquals(1, attempts, "the resolve waited for its trigger instead of being tried");
          continue;
        }
        Duration waiting = Duration.between(created, upAgain);
        int[] predicted = predictedAttempts(waiting);
        System.out.printf("outage: page of %s waited %s of service time, %d attempts (backoff predicts %d to %d"
            + " before the one that got through)%n", id, waiting, attempts, predicted[0], predicted[1]);
        assertTrue(attempts >= 2 && attempts <= 15, "attempts " + attempts);
        if (!id.equals(late)) {
          assertTrue(attempts >= 4, "ten minutes of backoff from 2 s: attempts " + attempts);
        }
        // The last attempt is the one after recovery; the ones before it follow the backoff, a poll late at most.
        assertTrue(attempts - 1 >= predicted[0] - 1 && attempts - 1 <= predicted[1], "attempts " + attempts
            + " against the backoff's " + predicted[0] + " to " + predicted[1] + " over " + waiting);
      }
      for (Row row : rows(id, "outage-up")) {
        Duration took = Duration.between(instant(row, "created_at"), instant(row, "delivered_at"));
        assertEquals(1, row.getInteger("attempts"), "the healthy receiver needed one attempt");
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "paged at once, not held up by the outage: " + took);
      }
    }
    Duration lastDelivered = all.stream().flatMap(id -> rows(id, "outage-down").stream())
        .map(r -> Duration.between(upAgain, instant(r, "delivered_at"))).max(Duration::compareTo).orElseThrow();
    Duration slowestHealthy = all.stream().flatMap(id -> rows(id, "outage-up").stream())
        .map(r -> Duration.between(instant(r, "created_at"), instant(r, "delivered_at"))).max(Duration::compareTo)
        .orElseThrow();
    System.out.printf("outage: 5 pages delivered at most %s of service time after the receiver came back; the"
        + " healthy receiver's took at most %s%n", lastDelivered, slowestHealthy);
    assertEquals(List.of(), Receivers.up.ownAlertsAbout("outage-down"), "a receiver that came back raised nothing");
    assertEquals(0L, count("select count(*) from alert.outbox where receiver = 'outage-down' and state = 'failed'"));
  }

  @Test
  void shouldGiveAPageUpAfterAnHourCountItAndRaiseAnOwnAlert() {
    Episodes episodes = new Episodes(kafka, pool);
    String metricId = episodes.define("hour", AN_HOUR, "unverified");
    String after = episodes.define("hour_back", AN_HOUR, "unverified");
    Receivers.gone.refuse();
    episodes.fire(metricId);
    Awaitility.await().atMost(PATIENCE).until(() -> Receivers.up.about(metricId).size() == 1);

    Awaitility.await().atMost(MAX_AGE.dividedBy(60).plus(PATIENCE)).pollInterval(Duration.ofMillis(500))
        .until(() -> rows(metricId, "outage-gone").get(0).getString("state").equals("failed"));
    Row failed = rows(metricId, "outage-gone").get(0);
    assertEquals("connection refused, given up after PT1H", failed.getString("last_error"));
    Duration age = Duration.between(instant(failed, "created_at"), instant(failed, "updated_at"));
    assertTrue(age.compareTo(MAX_AGE) > 0 && age.compareTo(MAX_AGE.plus(BACKOFF_MAX).plusMinutes(1)) < 0,
        "given up once older than the maximum age: " + age);
    int[] predicted = predictedAttempts(age);
    int attempts = failed.getInteger("attempts");
    System.out.printf("outage: page given up after %s of service time, %d attempts (backoff predicts %d to %d)%n",
        age, attempts, predicted[0], predicted[1]);
    assertTrue(attempts >= predicted[0] - 1 && attempts <= predicted[1] + 1, "attempts " + attempts);
    assertEquals(1.0, failedTotal("outage-gone"));

    // Heartbeat's own alert, once, at every other receiver, never at the one it cannot reach.
    String ownKey = "heartbeat-notify:outage-gone:" + EventId.of(failed.getString("id"));
    Awaitility.await().atMost(PATIENCE).until(() -> Receivers.up.ownAlertsAbout("outage-gone").size() == 1
        && Receivers.down.ownAlertsAbout("outage-gone").stream().anyMatch(Received::delivered));
    Received trigger = Receivers.up.ownAlertsAbout("outage-gone").get(0);
    assertEquals(ownKey, trigger.episodeKey());
    assertEquals("firing", trigger.step());
    assertEquals("red", trigger.notification().path("severity").asText());
    String summary = trigger.notification().path("summary").asText();
    assertTrue(summary.startsWith("Heartbeat could not page outage-gone: 1 page given up")
        && summary.contains("connection refused, given up after PT1H"), summary);
    String deliveries = config.alertUrl() + "/api/alerts/" + Episodes.key(metricId) + "/deliveries";
    assertEquals(deliveries, trigger.notification().at("/links/0/href").asText());
    given().get("/api/alerts/{key}/deliveries", Episodes.key(metricId)).then().statusCode(200)
        .body(containsString("\"state\":\"failed\""));
    assertEquals(0L, count("select count(*) from alert.outbox where receiver = 'outage-gone' and episode_key = '"
        + ownKey + "'"));

    // Back: the next page gets through and the own alert resolves where it was raised.
    Receivers.gone.answer();
    episodes.fire(after);
    Awaitility.await().atMost(PATIENCE).until(() -> Receivers.up.ownAlertsAbout("outage-gone").size() == 2);
    Received resolve = Receivers.up.ownAlertsAbout("outage-gone").get(1);
    assertEquals(ownKey, resolve.episodeKey());
    assertEquals("resolved", resolve.step());
    assertTrue(resolve.notification().at("/recovery/durationSeconds").asLong() > 0);
    assertEquals(List.of(), Receivers.gone.ownAlertsAbout("outage-gone"));
    given().get("/api/alerts/{key}/deliveries", ownKey).then().statusCode(200)
        .body(containsString("\"receiver\":\"outage-up\""), containsString("\"step\":\"resolved\""));
  }

  /**
   * How many attempts the shipped backoff makes in a span: fewest when every jitter is at its top (the full
   * doubled delay), most when at its bottom (half of it).
   */
  private static int[] predictedAttempts(Duration span) {
    Function<Double, Integer> attempts = jitter -> {
      Backoff backoff = new Backoff(BACKOFF_INITIAL, BACKOFF_MAX, () -> jitter);
      Duration at = Duration.ZERO;
      int made = 1;
      while (true) {
        at = at.plus(backoff.after(made, null));
        if (at.compareTo(span) > 0) {
          return made;
        }
        made++;
      }
    };
    return new int[] {attempts.apply(1.0), attempts.apply(0.0)};
  }

  private double failedTotal(String receiver) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher value = Pattern.compile("heartbeat_notify_failed_total\\{receiver=\"" + receiver + "\"} (\\S+)")
        .matcher(metrics);
    assertTrue(value.find(), "heartbeat_notify_failed_total for " + receiver);
    return Double.parseDouble(value.group(1));
  }

  private void awaitService(Instant until) {
    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
        .until(() -> !clock.instant().isBefore(until));
  }

  private List<Row> rows(String metricId, String receiver) {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery("select * from alert.outbox where episode_key = $1 and receiver = $2 order by seq")
        .execute(Tuple.of(Episodes.key(metricId), receiver)).await().indefinitely().forEach(rows::add);
    return rows;
  }

  private long count(String sql) {
    return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
  }

  private static Instant instant(Row row, String column) {
    return row.getOffsetDateTime(column).toInstant();
  }
}
