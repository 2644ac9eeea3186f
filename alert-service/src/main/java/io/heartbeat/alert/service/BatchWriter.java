package io.heartbeat.alert.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.messaging.AlertPublisher;
import io.heartbeat.alert.messaging.EvaluationPublisher;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.notify.delivery.DeliveryWorker;
import io.heartbeat.alert.notify.event.NotificationRelay;
import io.heartbeat.alert.notify.outbox.Outbox;
import io.heartbeat.alert.notify.rollback.RollbackWorker;
import io.heartbeat.alert.repository.AlertEventRepository;
import io.heartbeat.alert.repository.DowntimeRepository;
import io.heartbeat.alert.repository.EpisodeRepository;
import io.heartbeat.alert.repository.EvaluationRepository;
import io.heartbeat.alert.repository.LastObservationRepository;
import io.heartbeat.alert.repository.PendingObservationRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Writes one unit of judgement in one transaction and publishes what is new before it commits: a failed send rolls
 * it back and the same writes are retried; a replay finds every id and publishes nothing. The new episode steps'
 * pages are enqueued in the outbox on the same transaction (notify.outbox, the acting half's one door). Series
 * states are not written here but by the Checkpoint.
 */
@ApplicationScoped
public class BatchWriter {

  private final Pool pool;
  private final EvaluationRepository evaluations;
  private final AlertEventRepository alerts;
  private final EpisodeRepository episodes;
  private final DowntimeRepository downtime;
  private final LastObservationRepository lastObservations;
  private final PendingObservationRepository pending;
  private final EvaluationPublisher evaluationPublisher;
  private final AlertPublisher alertPublisher;
  private final Outbox outbox;
  private final DeliveryWorker delivery;
  private final RollbackWorker rollbacks;
  private final NotificationRelay relay;

  public BatchWriter(Pool pool, EvaluationRepository evaluations, AlertEventRepository alerts,
      EpisodeRepository episodes, DowntimeRepository downtime, LastObservationRepository lastObservations,
      PendingObservationRepository pending, EvaluationPublisher evaluationPublisher, AlertPublisher alertPublisher,
      Outbox outbox, DeliveryWorker delivery, RollbackWorker rollbacks, NotificationRelay relay) {
    this.pool = pool;
    this.evaluations = evaluations;
    this.alerts = alerts;
    this.episodes = episodes;
    this.downtime = downtime;
    this.lastObservations = lastObservations;
    this.pending = pending;
    this.evaluationPublisher = evaluationPublisher;
    this.alertPublisher = alertPublisher;
    this.outbox = outbox;
    this.delivery = delivery;
    this.rollbacks = rollbacks;
    this.relay = relay;
  }

  /** Writes and publishes; the item is the set of evaluation ids that were new. */
  Uni<Set<String>> write(BatchOutcome out, Instant now) {
    if (out.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    long started = System.nanoTime();
    return pool.withTransaction(connection -> evaluations.insertAll(connection, out.evaluations)
        .invoke(() -> Log.debugf("Evaluations inserted rows=%d ms=%.1f", (Object) out.evaluations.size(),
            (System.nanoTime() - started) / 1e6))
        .chain(newEvaluations -> alerts.insertAll(connection, out.alerts)
            // Kafka's acknowledgements and the remaining writes overlap; the commit waits for both.
            .chain(newAlerts -> Uni.combine().all()
                .unis(publish(out, newEvaluations, newAlerts)
                        .invoke(() -> Log.debugf("Published ms=%.1f", (System.nanoTime() - started) / 1e6)),
                    rest(connection, out, now)
                        // After the downtime rows, so a resolve's SLA minutes include this batch's red time.
                        .chain(() -> outbox.enqueue(connection, onlyNew(out.alerts, newAlerts, w -> w.event().id())
                            .stream().map(Written::event).toList()))
                        .invoke(() -> Log.debugf("Rest written ms=%.1f", (System.nanoTime() - started) / 1e6)))
                .discardItems())
            .replaceWith(newEvaluations)))
        // Committed: the new steps' pages, rollbacks and notification events are due now, not at the next poll.
        .invoke(() -> {
          if (!out.alerts.isEmpty()) {
            delivery.wake();
            rollbacks.wake();
            relay.wake();
          }
        });
  }

  private Uni<Void> publish(BatchOutcome out, Set<String> newEvaluations, Set<String> newAlerts) {
    return evaluationPublisher.publishAll(onlyNew(out.evaluations, newEvaluations, w -> w.event().id()))
        .chain(() -> alertPublisher.publishAll(onlyNew(out.alerts, newAlerts, w -> w.event().id())));
  }

  private Uni<Void> rest(SqlConnection connection, BatchOutcome out, Instant now) {
    return episodes.saveAll(connection, out.episodes.values(), now)
        .chain(() -> downtime.recordAll(connection, out.downtime.values()))
        .chain(() -> lastObservations.recordAll(connection, out.lastObservations))
        .chain(() -> pending.storeAll(connection, out.pending, now))
        .chain(() -> pending.deleteAll(connection, out.pendingDone));
  }

  private static <T> List<Written<T>> onlyNew(List<Written<T>> all, Set<String> fresh,
      Function<Written<T>, String> id) {
    if (fresh.size() == all.size()) {
      return all;
    }
    return all.stream().filter(w -> fresh.contains(id.apply(w))).toList();
  }
}
