package io.heartbeat.alert.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

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
 * after it (a crashed instance's attempt resumes), and an episode's later step waits for its earlier one.
 */
@QuarkusTest
class DeliveryLogTest {

  private static final Duration AGE = Duration.ofHours(1);

  @Inject
  DeliveryLog log;

  @Inject
  Pool pool;

  @Test
  void shouldNeverHandOneRowToTwoConcurrentClaims() {
    String receiver = "r-" + UUID.randomUUID();
    for (int i = 0; i < 20; i++) {
      insert(receiver, "episode-" + i, "firing");
    }

    List<List<DeliveryLog.Claim>> claims = Uni.join().all(
        log.claim(receiver, 8, Duration.ofMinutes(1), AGE), log.claim(receiver, 8, Duration.ofMinutes(1), AGE),
        log.claim(receiver, 8, Duration.ofMinutes(1), AGE)).andFailFast().await().atMost(Duration.ofSeconds(10));

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

    List<DeliveryLog.Claim> first = claim(receiver, Duration.ofMillis(300));
    assertEquals(1, first.size(), "the resolve waits for its trigger");
    assertEquals(1, first.get(0).attempts());
    assertEquals(List.of(), claim(receiver, Duration.ofMillis(300)), "hidden while its attempt may run");

    // The instance that claimed it died: once the lease ran out, another claims it again.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> !claim(receiver, Duration.ofMinutes(1)).isEmpty());
    log.delivered(first.get(0).id(), 200).await().indefinitely();
    List<DeliveryLog.Claim> next = claim(receiver, Duration.ofMinutes(1));
    assertEquals(1, next.size());
    assertEquals(OutboxRow.key("episode-" + receiver, receiver, "resolved"), next.get(0).id());
  }

  private List<DeliveryLog.Claim> claim(String receiver, Duration lease) {
    return log.claim(receiver, 10, lease, AGE).await().atMost(Duration.ofSeconds(10));
  }

  private void insert(String receiver, String episode, String step) {
    String key = episode + "-" + receiver;
    var notification = step.equals("resolved") ? Notifications.resolved() : Notifications.firing();
    pool.preparedQuery("insert into alert.outbox (id, episode_key, receiver, step, status, notification,"
            + " next_attempt_at, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, now(), now(), now())")
        .execute(Tuple.tuple().addValue(OutboxRow.key(key, receiver, step)).addValue(key).addValue(receiver)
            .addValue(step).addValue(notification.status().wire()).addValue(NotificationJson.encode(notification)))
        .await().indefinitely();
  }
}
