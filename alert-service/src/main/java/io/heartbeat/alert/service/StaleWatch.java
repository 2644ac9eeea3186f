package io.heartbeat.alert.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.config.AlertConfig;
import io.heartbeat.alert.judge.Staleness;
import io.heartbeat.alert.repository.LastObservationRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The scheduled stale check: a metric whose newest window ended more than two periods ago gets a stale evaluation,
 * once per silence, and the silence counts as downtime while it lasts. It checks only once this service has read
 * everything that was on its partitions at the previous check, so its own backlog never looks like a silence.
 */
@ApplicationScoped
public class StaleWatch {

  private final LastObservationRepository lastObservations;
  private final Backlog offsets;
  private final EvaluationService evaluations;
  private final AlertConfig config;
  private final Clock clock;

  public StaleWatch(LastObservationRepository lastObservations, Backlog offsets,
      EvaluationService evaluations, AlertConfig config, Clock clock) {
    this.lastObservations = lastObservations;
    this.offsets = offsets;
    this.evaluations = evaluations;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(identity = "stale-check", every = "${heartbeat.alert.stale.check-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> check() {
    Instant now = clock.instant();
    int missed = config.stale().missedPeriods();
    // The stale id is derived from the first missing window, so every later tick of the same silence publishes
    // nothing new (it only extends the silence's downtime).
    return offsets.caughtUpSinceLastAsked().chain(caughtUp -> caughtUp ? checkAll(now, missed)
            : Uni.createFrom().voidItem().invoke(() -> Log.debugf("Stale check waits: observations backlog")))
        .onFailure().recoverWithItem(e -> {
          Log.errorf(e, "Stale check failed; next tick retries");
          return null;
        });
  }

  private Uni<Void> checkAll(Instant now, int missed) {
    return lastObservations.watched()
        .onItem().transformToMulti(watched -> Multi.createFrom().iterable(watched))
        .filter(w -> Staleness.isStale(w.last().windowEnd(), now, w.metric().periodSeconds(), missed))
        .onItem().transformToUniAndConcatenate(w -> evaluations.markStale(w, missed)
            .invoke(inserted -> {
              if (inserted) {
                Log.infof("Metric stale metricId=%s lastObservedAt=%s", w.metric().metricId(),
                    w.last().observedAt());
              }
            }))
        .collect().last()
        .replaceWithVoid();
  }
}
