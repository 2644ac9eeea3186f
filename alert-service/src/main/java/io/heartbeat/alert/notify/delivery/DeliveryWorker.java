package io.heartbeat.alert.notify.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.event.NotificationRelay;
import io.heartbeat.alert.notify.route.Router;
import io.heartbeat.alert.notify.route.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Drains the outbox, one lane per receiver (alertmanager runs one pipeline per integration for the same reason): a
 * lane claims due rows only while it has free slots (heartbeat.notify.in-flight), so a receiver that is slow or
 * dead fills its own slots and no other's. Each claimed row gets one attempt, then is recorded delivered,
 * rescheduled with backoff, or failed (not retryable, or past heartbeat.notify.max-age), and a failure is counted
 * (heartbeat_notify_failed_total), logged, and becomes Heartbeat's own alert at the other receivers (notify.outage).
 * Runs on a Vert.x timer with the reactive pool: nothing blocks.
 */
@ApplicationScoped
public class DeliveryWorker {

  private final Router router;
  private final DeliveryLog log;
  private final HttpSender sender;
  private final NotifyConfig config;
  private final Vertx vertx;
  private final MeterRegistry meters;
  private final NotificationRelay relay;
  private final Backoff backoff;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private volatile long timer = -1;

  public DeliveryWorker(Routing routing, DeliveryLog log, HttpSender sender, NotifyConfig config, Vertx vertx,
      MeterRegistry meters, NotificationRelay relay) {
    this.router = routing.router();
    this.log = log;
    this.sender = sender;
    this.config = config;
    this.vertx = vertx;
    this.meters = meters;
    this.relay = relay;
    this.backoff = new Backoff(config.backoffInitial(), config.backoffMax(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The rows one receiver has in flight, and whether a claim for it is under way (so ticks never claim twice). */
  private static final class Lane {
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    final AtomicBoolean claiming = new AtomicBoolean();
  }

  void start(@Observes StartupEvent started) {
    if (router.names().isEmpty()) {
      return;
    }
    router.names().forEach(name -> {
      lanes.put(name, new Lane());
      // Registered at zero, so an alert rule on the failure counter sees the series before the first failure.
      meters.counter("heartbeat.notify.failed", "receiver", name);
      meters.counter("heartbeat.notify.delivered", "receiver", name);
    });
    // Pending rows left by a previous run (or another instance's crash) are due now: the first tick resumes them.
    timer = vertx.setPeriodic(config.pollEvery().toMillis(), id -> tick());
  }

  /** On shutdown, before the pool closes: attempts in flight end or time out; their leases bring them back. */
  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * Looks for due pages now rather than at the next poll: called once a judgement transaction that stored new
   * episode steps has committed, so a page leaves within milliseconds of its step. The poll stays for retries,
   * restarts and other instances' rows.
   */
  public void wake() {
    if (!lanes.isEmpty()) {
      vertx.runOnContext(this::tick);
    }
  }

  private void tick() {
    lanes.forEach(this::fill);
  }

  private void fill(String receiver, Lane lane) {
    int free = config.inFlight() - lane.inFlight.size();
    if (free <= 0 || !lane.claiming.compareAndSet(false, true)) {
      return;
    }
    log.claim(receiver, free, config.lease(), config.maxAge(), Set.copyOf(lane.inFlight))
        .eventually(() -> lane.claiming.set(false))
        .subscribe().with(claims -> claims.forEach(claim -> {
          lane.inFlight.add(claim.id());
          attempt(router.channel(receiver), claim)
              .eventually(() -> lane.inFlight.remove(claim.id()))
              // Each recorded outcome is a delivery event to publish (notify.event).
              .eventually(relay::wake)
              // A receiver that answers takes the next page at once: a burst drains at the receiver's pace, not
              // in-flight pages per poll. One that fails waits for the poll, so it is not hammered.
              .subscribe().with(delivered -> {
                if (delivered) {
                  fill(receiver, lane);
                }
              }, e -> Log.warnf("Delivery not recorded receiver=%s id=%s reason=%s", receiver, claim.id(),
                  e.getMessage()));
        }), e -> Log.warnf("Claiming deliveries failed receiver=%s reason=%s", receiver, e.getMessage()));
  }

  private Uni<Boolean> attempt(Channel channel, DeliveryLog.Claim claim) {
    Notification notification;
    try {
      notification = NotificationJson.decode(claim.notification());
    } catch (IllegalArgumentException e) {
      return fail(channel, claim, null, Attempt.unanswered("stored notification unreadable"), "unreadable")
          .replaceWith(false);
    }
    // The attempt's own time is wall time, not the service clock: the receiver checks a signature's timestamp
    // against its own clock, and a scaled service clock runs ahead of it.
    Page page = Page.of(notification, channel, claim.attempts());
    return sender.send(channel, notification, Instant.now()).chain(attempt -> {
      if (attempt.succeeded()) {
        Log.debugf("Delivered receiver=%s step=%s episode=%s attempts=%d", channel.name(), notification.step(),
            notification.episodeKey(), claim.attempts());
        meters.counter("heartbeat.notify.delivered", "receiver", channel.name()).increment();
        return log.delivered(claim.id(), page, attempt.status()).replaceWith(true);
      }
      if (attempt.status() != null && !channel.retryable(attempt.status())) {
        return fail(channel, claim, page, attempt, attempt.error() + ", not retryable").replaceWith(false);
      }
      if (claim.expired()) {
        return fail(channel, claim, page, attempt, attempt.error() + ", given up after " + config.maxAge())
            .replaceWith(false);
      }
      var delay = backoff.after(claim.attempts(), attempt.retryAfter());
      Log.infof("Delivery will be retried receiver=%s step=%s episode=%s attempts=%d error=%s delayMs=%d",
          channel.name(), notification.step(), notification.episodeKey(), claim.attempts(), attempt.error(),
          delay.toMillis());
      return log.retry(claim.id(), page, attempt, delay).replaceWith(false);
    });
  }

  private Uni<Void> fail(Channel channel, DeliveryLog.Claim claim, Page page, Attempt attempt, String why) {
    meters.counter("heartbeat.notify.failed", "receiver", channel.name()).increment();
    Log.errorf("Delivery failed for good receiver=%s id=%s attempts=%d error=%s", channel.name(), claim.id(),
        claim.attempts(), why);
    return log.failed(claim.id(), page, attempt, why);
  }
}
