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

/** The scheduled stale check: a metric with no observation for two periods gets a stale evaluation, once. */
@ApplicationScoped
public class StaleWatch {

  private final LastObservationRepository lastObservations;
  private final EvaluationService evaluations;
  private final AlertConfig config;
  private final Clock clock;

  public StaleWatch(LastObservationRepository lastObservations, EvaluationService evaluations, AlertConfig config,
      Clock clock) {
    this.lastObservations = lastObservations;
    this.evaluations = evaluations;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(identity = "stale-check", every = "${heartbeat.alert.stale.check-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> check() {
    Instant now = clock.instant();
    int missed = config.stale().missedPeriods();
    // The stale id is derived from the first missing window, so every later tick of the same silence is a no-op.
    return lastObservations.watched()
        .onItem().transformToMulti(watched -> Multi.createFrom().iterable(watched))
        .filter(w -> Staleness.isStale(w.last().observedAt(), now, w.metric().periodSeconds(), missed))
        .onItem().transformToUniAndConcatenate(w -> evaluations.markStale(w, missed)
            .invoke(inserted -> {
              if (inserted) {
                Log.infof("Metric stale metricId=%s lastObservedAt=%s", w.metric().metricId(),
                    w.last().observedAt());
              }
            }))
        .collect().last()
        .replaceWithVoid()
        .onFailure().recoverWithItem(e -> {
          Log.errorf(e, "Stale check failed; next tick retries");
          return null;
        });
  }
}
