package io.heartbeat.alert.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery side of alert.outbox: claim due rows, record each attempt's outcome, read an episode's history.
 * Times are PostgreSQL's clock, shared by every instance.
 */
@ApplicationScoped
public class DeliveryLog {

  /**
   * skip locked: two instances claiming at once take different rows. The claim moves next_attempt_at a lease ahead,
   * so the row stays invisible to other claims while its attempt runs (longer than any timeout) without holding a
   * transaction open across the HTTP call; a crash mid-attempt lets the lease run out and the row is tried again.
   * A row waits while an earlier one of its episode for its receiver is pending, so each receiver gets an episode's
   * steps in order: an update never overtakes its trigger, nor a resolve (which would reopen the incident).
   */
  private static final String CLAIM = """
      update alert.outbox o set attempts = o.attempts + 1, next_attempt_at = now() + $3 * interval '1 millisecond',
        updated_at = now()
      where o.id in (select d.id from alert.outbox d where d.receiver = $1 and d.state = 'pending'
          and d.next_attempt_at <= now()
          and not exists (select 1 from alert.outbox e where e.episode_key = d.episode_key and e.receiver = d.receiver
            and e.state = 'pending' and e.seq < d.seq)
        order by d.next_attempt_at limit $2 for update skip locked)
      returning o.id, o.notification, o.attempts, now() - o.created_at > $4 * interval '1 millisecond' as expired""";

  private static final String COLUMNS = "id, receiver, step, status, state, attempts, last_status, last_error,"
      + " created_at, updated_at, next_attempt_at, delivered_at";

  private final Pool pool;

  public DeliveryLog(Pool pool) {
    this.pool = pool;
  }

  /** A row claimed for one attempt; expired when it is older than the maximum age (its last attempt). */
  record Claim(String id, String notification, int attempts, boolean expired) {
  }

  Uni<List<Claim>> claim(String receiver, int limit, Duration lease, Duration maxAge) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(receiver, limit, lease.toMillis(), maxAge.toMillis()))
        .map(rows -> {
          List<Claim> claims = new ArrayList<>();
          for (Row row : rows) {
            claims.add(new Claim(row.getString(0), row.getString(1), row.getInteger(2), row.getBoolean(3)));
          }
          return claims;
        });
  }

  Uni<Void> delivered(String id, int status) {
    return pool.preparedQuery("update alert.outbox set state = 'delivered', last_status = $2, last_error = null,"
            + " delivered_at = now(), updated_at = now() where id = $1")
        .execute(Tuple.of(id, status)).replaceWithVoid();
  }

  Uni<Void> retry(String id, Attempt attempt, Duration delay) {
    return pool.preparedQuery("update alert.outbox set last_status = $2, last_error = $3,"
            + " next_attempt_at = now() + $4 * interval '1 millisecond', updated_at = now() where id = $1")
        .execute(Tuple.of(id, attempt.status(), attempt.error(), delay.toMillis())).replaceWithVoid();
  }

  Uni<Void> failed(String id, Attempt attempt, String why) {
    return pool.preparedQuery("update alert.outbox set state = 'failed', last_status = $2, last_error = $3,"
            + " updated_at = now() where id = $1")
        .execute(Tuple.of(id, attempt.status(), why)).replaceWithVoid();
  }

  /** Every page of the episode, oldest first. */
  public Uni<List<Delivery>> history(String episodeKey) {
    return pool.preparedQuery("select " + COLUMNS + " from alert.outbox where episode_key = $1"
            + " order by seq")
        .execute(Tuple.of(episodeKey))
        .map(rows -> {
          List<Delivery> deliveries = new ArrayList<>();
          for (Row row : rows) {
            deliveries.add(new Delivery(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getInteger(5), row.getInteger(6), row.getString(7), instant(row, 8),
                instant(row, 9), instant(row, 10), instant(row, 11)));
          }
          return deliveries;
        });
  }

  /** Whether alert.episode knows the key (an episode without pages still has an empty history). */
  public Uni<Boolean> episodeExists(String episodeKey) {
    return pool.preparedQuery("select 1 from alert.episode where dedup_key = $1").execute(Tuple.of(episodeKey))
        .map(rows -> rows.size() > 0);
  }

  private static Instant instant(Row row, int column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
