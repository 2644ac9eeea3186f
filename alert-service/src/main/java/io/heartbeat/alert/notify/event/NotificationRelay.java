package io.heartbeat.alert.notify.event;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Publishes the recorded events of alert.notification_event on heartbeat.notifications, oldest first, and marks
 * them published only after Kafka acknowledged them, on the transaction that read them: a crash before the mark
 * sends them again (same ids; consumers upsert by id), never loses one. One instance relays at a time (a
 * transaction-scoped advisory lock), so two instances never interleave and reorder one metric's events. Woken after
 * each commit that recorded events, and polled for what a previous run or another instance left behind.
 */
@ApplicationScoped
public class NotificationRelay {

  /** Any constant agreed by every instance: "hbnotify" in ASCII. */
  private static final long LOCK = 0x68626e6f74696679L;

  private final Pool pool;
  private final NotificationEventRepository events;
  private final NotificationPublisher publisher;
  private final RelaySettings settings;
  private final Clock clock;
  private final Vertx vertx;
  private final AtomicBoolean relaying = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile long timer = -1;

  public NotificationRelay(Pool pool, NotificationEventRepository events, NotificationPublisher publisher,
      RelaySettings settings, Clock clock, Vertx vertx) {
    this.pool = pool;
    this.events = events;
    this.publisher = publisher;
    this.settings = settings;
    this.clock = clock;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent started) {
    timer = vertx.setPeriodic(settings.relayEvery().toMillis(), id -> relay());
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Publishes now rather than at the next poll: called once a transaction that recorded events has committed. */
  public void wake() {
    vertx.runOnContext(this::relay);
  }

  private void relay() {
    if (!relaying.compareAndSet(false, true)) {
      // A round is under way and may have read before this commit: run another one right after it.
      again.set(true);
      return;
    }
    again.set(false);
    round()
        .eventually(() -> relaying.set(false))
        .subscribe().with(sent -> {
          if (sent >= settings.batch() || again.get()) {
            relay();
          }
        }, e -> Log.warnf("Publishing notification events failed, retrying at the next poll reason=%s",
            e.getMessage()));
  }

  /** One batch: the number of events published (0 when another instance holds the relay). */
  private Uni<Integer> round() {
    return pool.withTransaction(tx -> tx.query("select pg_try_advisory_xact_lock(" + LOCK + ")").execute()
        .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(0)
            : events.unpublished(tx, settings.batch()).chain(batch -> {
              if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
              }
              Instant now = clock.instant();
              return publisher.publishAll(batch)
                  .chain(() -> events.published(tx, batch, now))
                  .chain(() -> events.forget(tx, now.minus(settings.keep())))
                  .invoke(() -> Log.debugf("Notification events published count=%d", batch.size()))
                  .replaceWith(batch.size());
            })));
  }
}
