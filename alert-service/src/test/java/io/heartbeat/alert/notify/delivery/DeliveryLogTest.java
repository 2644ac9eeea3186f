package io.heartbeat.alert.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.outbox.OutboxRow;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Claiming from alert.outbox as several instances would (the default test profile has no routes, so no worker
 * drains these rows): concurrent claims take disjoint rows, a claimed row stays hidden for its lease and comes back
 * after it (a crashed instance's attempt resumes), an episode's later step waits for its earlier one, a lane never
 * gets back a row it has in flight, and what is due, leased and too old is the service clock's time (the test
 * profile runs it 60 times faster than the wall, as PostgreSQL's now() would not).
 */
@QuarkusTest
class DeliveryLogTest {

  private static final Duration AGE = Duration.ofHours(1);

  @Inject
  DeliveryLog log;

  @Inject
  Pool pool;

  @Inject
  Clock clock;

  @Test
  void shouldNeverHandOneRowToTwoConcurrentClaims() {
    String receiver = "r-" + UUID.randomUUID();
    for (int i = 0; i < 20; i++) {
      insert(receiver, "episode-" + i, "firing");
    }

    List<List<DeliveryLog.Claim>> claims = Uni.join().all(
        log.claim(receiver, 8, Duration.ofHours(1), AGE, Set.of()),
        log.claim(receiver, 8, Duration.ofHours(1), AGE, Set.of()),
        log.claim(receiver, 8, Duration.ofHours(1), AGE, Set.of())).andFailFast().await()
        .atMost(Duration.ofSeconds(10));

    Set<String> ids = new HashSet<>();
    int total = 0;
    for (List<DeliveryLog.Claim> claim : claims) {
      total += claim.size();
      claim.forEach(c -> ids.add(c.id()));
    }
    assertEquals(total, ids.size(), "no row claimed twice");
    assertTrue(total <= 20 && total >= 8, "claimed " + total);
  }

  @Test
  void shouldHideAClaimedRowForItsLeaseOnlyAndKeepAnEpisodesStepsInOrder() {
    String receiver = "r-" + UUID.randomUUID();
    insert(receiver, "episode", "firing");
    insert(receiver, "episode", "resolved");

    // Leases are service time: a few wall seconds at the test profile's rate.
    Duration lease = wall(Duration.ofSeconds(2));
    List<DeliveryLog.Claim> first = claim(receiver, lease);
    assertEquals(1, first.size(), "the resolve waits for its trigger");
    assertEquals(1, first.get(0).attempts());
    assertEquals(List.of(), claim(receiver, lease), "hidden while its attempt may run");

    // The instance that claimed it died: once the lease ran out, another claims it again.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> !claim(receiver, Duration.ofHours(1)).isEmpty());
    log.delivered(first.get(0).id(), null, 200).await().indefinitely();
    List<DeliveryLog.Claim> next = claim(receiver, Duration.ofHours(1));
    assertEquals(1, next.size());
    assertEquals(OutboxRow.key("episode-" + receiver, receiver, "resolved"), next.get(0).id());
  }

  @Test
  void shouldNotHandALaneBackARowItHasInFlight() {
    String receiver = "r-" + UUID.randomUUID();
    insert(receiver, "episode", "firing");
    String id = OutboxRow.key("episode-" + receiver, receiver, "firing");

    // A lease shorter than the attempt (a scaled clock against a receiver's wall-time timeout) ran out at once.
    assertEquals(1, log.claim(receiver, 10, Duration.ZERO, AGE, Set.of()).await().indefinitely().size());
    assertEquals(List.of(), log.claim(receiver, 10, Duration.ZERO, AGE, Set.of(id)).await().indefinitely(),
        "the lane that has it in flight does not claim it again");
    assertEquals(List.of(id), log.claim(receiver, 10, Duration.ZERO, AGE, Set.of()).await().indefinitely().stream()
        .map(DeliveryLog.Claim::id).toList(), "another lane, after the lease, does");
  }

  @Test
  void shouldTellDueAndTooOldByTheServiceClock() {
    String receiver = "r-" + UUID.randomUUID();
    Instant now = clock.instant();
    // Due in five wall seconds of the service clock; PostgreSQL's now() would take rate times longer.
    insert(receiver, "later", "firing", now.plus(wall(Duration.ofSeconds(5))), now);
    insert(receiver, "old", "firing", now, now.minus(AGE).minusSeconds(1));
    insert(receiver, "young", "firing", now, now.minus(AGE).plus(wall(Duration.ofSeconds(30))));

    List<DeliveryLog.Claim> due = claim(receiver, Duration.ofHours(1));
    assertEquals(2, due.size(), "the later row is not due yet: " + due);
    for (DeliveryLog.Claim claim : due) {
      boolean old = claim.id().equals(OutboxRow.key("old-" + receiver, receiver, "firing"));
      assertEquals(old, claim.expired(), "older than the maximum age on the service clock: " + claim);
    }
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> !claim(receiver, Duration.ofHours(1)).isEmpty());
  }

  /** A wall-clock span as service time at the profile's clock rate. */
  private static Duration wall(Duration wall) {
    double rate = ConfigProvider.getConfig().getValue("heartbeat.alert.clock.rate", Double.class);
    return Duration.ofMillis((long) (wall.toMillis() * rate));
  }

  private List<DeliveryLog.Claim> claim(String receiver, Duration lease) {
    return log.claim(receiver, 10, lease, AGE, Set.of()).await().atMost(Duration.ofSeconds(10));
  }

  private void insert(String receiver, String episode, String step) {
    Instant now = clock.instant();
    insert(receiver, episode, step, now, now);
  }

  private void insert(String receiver, String episode, String step, Instant due, Instant created) {
    String key = episode + "-" + receiver;
    var notification = step.equals("resolved") ? Notifications.resolved() : Notifications.firing();
    pool.preparedQuery("insert into alert.outbox (id, episode_key, receiver, step, status, notification,"
            + " next_attempt_at, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8)")
        .execute(Tuple.tuple().addValue(OutboxRow.key(key, receiver, step)).addValue(key).addValue(receiver)
            .addValue(step).addValue(notification.status().wire()).addValue(NotificationJson.encode(notification))
            .addValue(due.atOffset(ZoneOffset.UTC)).addValue(created.atOffset(ZoneOffset.UTC)))
        .await().indefinitely();
  }
}
