package io.heartbeat.alert.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.event.DeliveryEvent;
import io.heartbeat.alert.notify.event.DeliveryEvent.Outcome;
import io.heartbeat.alert.notify.event.NotificationEventRepository;
import io.heartbeat.alert.notify.outage.Outages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery side of alert.outbox: claim due rows, record each attempt's outcome, read an episode's history.
 * Every time here is the service's clock, passed as a parameter, never PostgreSQL's now(): instances share time
 * through NTP as closely as they would share the database's, and a scaled clock (heartbeat.alert.clock.rate) then
 * scales what is due, leases, backoff and the maximum age exactly as it scales judging, which is what lets a test
 * live through an hour-long receiver outage in a minute. Each outcome is recorded for heartbeat.notifications on the
 * transaction that records it (notify.event), only when it changed the row: an outcome recorded twice is told once.
 */
@ApplicationScoped
public class DeliveryLog {

  /**
   * skip locked: two instances claiming at once take different rows. The claim moves next_attempt_at a lease ahead,
   * so the row stays invisible to other claims while its attempt runs (longer than any timeout) without holding a
   * transaction open across the HTTP call; a crash mid-attempt lets the lease run out and the row is tried again.
   * The lease is service time, which a scaled clock makes shorter than a receiver's (wall-time) timeout, so a lane
   * also never claims again a row it still has in flight ($6).
   * A row waits while an earlier one of its episode for its receiver is pending, so each receiver gets an episode's
   * steps in order: an update never overtakes its trigger, nor a resolve (which would reopen the incident).
   */
  private static final String CLAIM = """
      update alert.outbox o set attempts = o.attempts + 1, next_attempt_at = $3, updated_at = $5
      where o.id in (select d.id from alert.outbox d where d.receiver = $1 and d.state = 'pending'
          and d.next_attempt_at <= $5 and d.id <> all($6::text[])
          and not exists (select 1 from alert.outbox e where e.episode_key = d.episode_key and e.receiver = d.receiver
            and e.state = 'pending' and e.seq < d.seq)
        order by d.next_attempt_at limit $2 for update skip locked)
      returning o.id, o.notification, o.attempts, o.created_at < $4 as expired""";

  private static final String COLUMNS = "id, receiver, step, status, state, attempts, last_status, last_error,"
      + " created_at, updated_at, next_attempt_at, delivered_at";

  private final Pool pool;
  private final Clock clock;
  private final Outages outages;
  private final NotificationEventRepository events;

  public DeliveryLog(Pool pool, Clock clock, Outages outages, NotificationEventRepository events) {
    this.pool = pool;
    this.clock = clock;
    this.outages = outages;
    this.events = events;
  }

  /** A row claimed for one attempt; expired when it is older than the maximum age (its last attempt). */
  record Claim(String id, String notification, int attempts, boolean expired) {
  }

  /** Up to limit due rows of the receiver, leaving out those this lane has in flight. */
  Uni<List<Claim>> claim(String receiver, int limit, Duration lease, Duration maxAge, Collection<String> inFlight) {
    Instant now = clock.instant();
    return pool.preparedQuery(CLAIM).execute(Tuple.tuple().addValue(receiver).addValue(limit)
            .addValue(utc(now.plus(lease))).addValue(utc(now.minus(maxAge))).addValue(utc(now))
            .addValue(inFlight.toArray(String[]::new)))
        .map(rows -> {
          List<Claim> claims = new ArrayList<>();
          for (Row row : rows) {
            claims.add(new Claim(row.getString(0), row.getString(1), row.getInteger(2), row.getBoolean(3)));
          }
          return claims;
        });
  }

  /**
   * Records the success and, in the same transaction, lets notify.outage close the receiver's open outage. Only a
   * pending row changes: an attempt recorded twice (its lease ran out and another instance sent it too) is told once.
   */
  Uni<Void> delivered(String id, Page page, int status) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tx.preparedQuery("update alert.outbox set state = 'delivered',"
                + " last_status = $2, last_error = null, delivered_at = $3, updated_at = $3"
                + " where id = $1 and state = 'pending' returning receiver")
            .execute(Tuple.of(id, status, utc(now)))
            .chain(rows -> changed(rows) ? outages.delivered(tx, rows.iterator().next().getString(0), now)
                .chain(() -> tell(tx, page, Outcome.DELIVERED, status, null, now))
                : Uni.createFrom().voidItem()));
  }

  /** Only a pending row is rescheduled: one another instance recorded delivered or failed meanwhile stays so. */
  Uni<Void> retry(String id, Page page, Attempt attempt, Duration delay) {
    Instant now = clock.instant();
    Instant next = now.plus(delay);
    return pool.withTransaction(tx -> tx.preparedQuery("update alert.outbox set last_status = $2, last_error = $3,"
                + " next_attempt_at = $4, updated_at = $5 where id = $1 and state = 'pending' returning 1")
            .execute(Tuple.of(id, attempt.status(), attempt.error(), utc(next), utc(now)))
            .chain(rows -> changed(rows) ? tell(tx, page, Outcome.RETRYING, attempt.status(), next, now)
                : Uni.createFrom().voidItem()));
  }

  /**
   * Gives the row up and, in the same transaction, counts it in its receiver's outage (opening one if none is).
   * page is null when the stored notification could not be read: nothing names its metric, so no event tells it.
   */
  Uni<Void> failed(String id, Page page, Attempt attempt, String why) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tx.preparedQuery("update alert.outbox set state = 'failed', last_status = $2,"
                + " last_error = $3, updated_at = $4 where id = $1 and state = 'pending'"
                + " returning receiver, episode_key")
            .execute(Tuple.of(id, attempt.status(), why, utc(now)))
            .chain(rows -> {
              if (!changed(rows)) {
                return Uni.createFrom().voidItem();
              }
              Row row = rows.iterator().next();
              return outages.failed(tx, row.getString(0), id, row.getString(1), why, now)
                  .chain(() -> tell(tx, page, Outcome.FAILED, attempt.status(), null, now));
            }));
  }

  private Uni<Void> tell(SqlClient tx, Page page, Outcome outcome, Integer status, Instant next, Instant now) {
    if (page == null) {
      return Uni.createFrom().voidItem();
    }
    return events.record(tx, DeliveryEvent.of(page.episodeKey(), page.metricId(), page.receiver(), page.channel(),
        page.step(), outcome, page.attempts(), status, next, now));
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

  private static boolean changed(RowSet<Row> rows) {
    return rows.iterator().hasNext();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Row row, int column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
