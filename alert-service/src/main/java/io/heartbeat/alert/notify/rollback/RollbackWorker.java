package io.heartbeat.alert.notify.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.deploy.DeploymentRepository;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackSettings;
import io.heartbeat.alert.notify.RollbackState;
import io.heartbeat.alert.notify.delivery.Backoff;
import io.heartbeat.alert.notify.delivery.DeliveryWorker;
import io.heartbeat.alert.notify.event.NotificationEventRepository;
import io.heartbeat.alert.notify.event.NotificationRelay;
import io.heartbeat.alert.notify.event.RollbackEvent;
import io.heartbeat.alert.notify.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Calls the hooks of started rollbacks and records each outcome with the page that tells it: the row turns
 * succeeded or failed and, on the same transaction, an update under the episode's dedup key is enqueued to every
 * receiver that got its trigger. A call without an answer, a 429 or a 5xx is retried with backoff (the same
 * webhook-id each time) until heartbeat.rollback.max-age; another 4xx is final. Claims are leased with skip locked,
 * so two instances never call the same hook at once and a crash mid-call retries it after the lease. The outcome
 * is recorded for heartbeat.notifications on the same transaction (notify.event).
 */
@ApplicationScoped
public class RollbackWorker {

  private static final int BATCH = 8;

  private final RollbackRepository rollbacks;
  private final DeploymentRepository deployments;
  private final RollbackCaller caller;
  private final Outbox outbox;
  private final DeliveryWorker delivery;
  private final NotificationEventRepository events;
  private final NotificationRelay relay;
  private final Pool pool;
  private final RollbackSettings settings;
  private final Clock clock;
  private final Vertx vertx;
  private final MeterRegistry meters;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1),
      () -> ThreadLocalRandom.current().nextDouble());
  private final AtomicBoolean claiming = new AtomicBoolean();
  private volatile long timer = -1;

  public RollbackWorker(RollbackRepository rollbacks, DeploymentRepository deployments, RollbackCaller caller,
      Outbox outbox, DeliveryWorker delivery, NotificationEventRepository events, NotificationRelay relay, Pool pool,
      RollbackSettings settings, Clock clock, Vertx vertx, MeterRegistry meters) {
    this.rollbacks = rollbacks;
    this.deployments = deployments;
    this.caller = caller;
    this.outbox = outbox;
    this.delivery = delivery;
    this.events = events;
    this.relay = relay;
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.vertx = vertx;
    this.meters = meters;
  }

  void start(@Observes StartupEvent started) {
    for (String outcome : new String[] {"succeeded", "failed"}) {
      meters.counter("heartbeat.rollback", "outcome", outcome);
    }
    // Pending rollbacks of a previous run are due at once: the first tick resumes them.
    timer = vertx.setPeriodic(settings.pollEvery().toMillis(), id -> tick());
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Looks for started rollbacks now: called once the transaction that decided them has committed. */
  public void wake() {
    vertx.runOnContext(this::tick);
  }

  private void tick() {
    if (!claiming.compareAndSet(false, true)) {
      return;
    }
    // Longer than any call, so the row stays this instance's while it runs.
    Duration lease = settings.timeout().multipliedBy(2).plusSeconds(5);
    rollbacks.claim(BATCH, clock.instant(), lease)
        .eventually(() -> claiming.set(false))
        .subscribe().with(claims -> claims.forEach(claim -> attempt(claim).subscribe().with(done -> { },
            e -> Log.warnf("Rollback not recorded episode=%s reason=%s", claim.episodeKey(), e.getMessage()))),
            e -> Log.warnf("Claiming rollbacks failed reason=%s", e.getMessage()));
  }

  private Uni<Void> attempt(RollbackRepository.Claim claim) {
    return deployments.find(claim.deploymentId()).chain(deploy -> {
      if (deploy == null || deploy.rollbackUrl() == null) {
        return finish(claim, RollbackState.FAILED, "the deploy's rollback URL is gone", null);
      }
      // Signed at wall time, not the service clock: the receiver checks webhook-timestamp against its own clock.
      return caller.call(deploy.rollbackUrl(), claim.request(), Instant.now())
          .chain(call -> outcome(claim, deploy, call));
    });
  }

  private Uni<Void> outcome(RollbackRepository.Claim claim, Deployment deploy, HookCall call) {
    if (call.succeeded()) {
      return finish(claim, RollbackState.SUCCEEDED, call.describe(), call.status());
    }
    if (!call.retryable()) {
      return finish(claim, RollbackState.FAILED, call.describe() + ", not retried", call.status());
    }
    Instant now = clock.instant();
    if (Duration.between(claim.createdAt(), now).compareTo(settings.maxAge()) > 0) {
      return finish(claim, RollbackState.FAILED, call.describe() + "; no success within " + settings.maxAge()
          .toMinutes() + " min, given up after " + claim.attempts() + " calls", call.status());
    }
    Duration delay = backoff.after(claim.attempts(), call.retryAfter());
    Log.infof("Rollback will be retried episode=%s service=%s hook=%s attempts=%d error=%s delayMs=%d",
        claim.episodeKey(), deploy.service(), deploy.rollbackUrl().origin(), claim.attempts(), call.describe(),
        delay.toMillis());
    return rollbacks.retry(claim.episodeKey(), "retrying: " + call.describe(), call.status(), now.plus(delay), now);
  }

  private Uni<Void> finish(RollbackRepository.Claim claim, RollbackState state, String detail, Integer status) {
    Instant now = clock.instant();
    Rollback outcome = new Rollback(state, detail, claim.service(), claim.version());
    return pool.withTransaction(transaction -> rollbacks.finish(transaction, claim.episodeKey(), state, detail,
            status, now)
        .chain(recorded -> recorded ? outbox.enqueueRollbackOutcome(transaction, claim.episodeKey(), outcome, now)
            .chain(() -> events.record(transaction, RollbackEvent.of(claim.episodeKey(), claim.metricId(), state,
                detail, claim.service(), claim.version(), claim.deploymentId(), now)))
            : Uni.createFrom().voidItem()))
        .invoke(() -> {
          delivery.wake();
          relay.wake();
          meters.counter("heartbeat.rollback", "outcome", state.wire()).increment();
          if (state == RollbackState.SUCCEEDED) {
            Log.infof("Rollback succeeded episode=%s service=%s version=%s attempts=%d", claim.episodeKey(),
                claim.service(), claim.version(), claim.attempts());
          } else {
            Log.errorf("Rollback failed episode=%s service=%s version=%s attempts=%d reason=%s", claim.episodeKey(),
                claim.service(), claim.version(), claim.attempts(), detail);
          }
        });
  }
}
