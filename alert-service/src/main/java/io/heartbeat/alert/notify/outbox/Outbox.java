package io.heartbeat.alert.notify.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.Recovery;
import io.heartbeat.alert.notify.route.Router;
import io.heartbeat.alert.notify.route.Routing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Enqueues the pages of new episode steps on the transaction that stores them: commit both or neither, so a step
 * is never stored without its pages nor paged without being stored. Steps are taken in order, so a batch that
 * fires and resolves an episode sends the resolve to the receivers its own trigger chose.
 */
@ApplicationScoped
public class Outbox {

  private final OutboxRepository repository;
  private final Router router;
  private final String cockpitUrl;

  public Outbox(OutboxRepository repository, Routing routing, NotifyConfig config) {
    this.repository = repository;
    this.router = routing.router();
    this.cockpitUrl = config.cockpitUrl();
  }

  /** steps are the episode steps this transaction stored for the first time, in the order they happened. */
  public Uni<Void> enqueue(SqlClient transaction, List<AlertEvent> steps) {
    if (steps.isEmpty() || router.names().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<String> metricIds = steps.stream().map(AlertEvent::metricId).collect(Collectors.toSet());
    Set<String> keys = steps.stream().map(AlertEvent::dedupKey).collect(Collectors.toSet());
    return repository.facts(transaction, metricIds)
        .chain(facts -> repository.triggered(transaction, keys)
            .chain(triggered -> rows(transaction, steps, facts, triggered)))
        .chain(rows -> repository.insertAll(transaction, rows));
  }

  private Uni<List<OutboxRow>> rows(SqlClient transaction, List<AlertEvent> steps, Map<String, MetricFacts> facts,
      Map<String, Set<String>> triggered) {
    List<OutboxRow> rows = new ArrayList<>();
    return Multi.createFrom().iterable(steps)
        .onItem().transformToUniAndConcatenate(step -> recovery(transaction, step).invoke(recovery -> {
          MetricFacts metric = facts.getOrDefault(step.metricId(), MetricFacts.unknown(step.metricId()));
          Notification notification = StepNotification.of(step, metric, recovery, cockpitUrl);
          Set<String> got = triggered.computeIfAbsent(step.dedupKey(), k -> new LinkedHashSet<>());
          for (String receiver : router.receivers(notification, got)) {
            if (router.knows(receiver)) {
              rows.add(OutboxRow.of(notification, receiver));
              if (recovery == null) {
                got.add(receiver);
              }
            }
          }
        }))
        .collect().last()
        .replaceWith(rows);
  }

  private Uni<Recovery> recovery(SqlClient transaction, AlertEvent step) {
    if (!step.type().equals("resolved")) {
      return Uni.createFrom().nullItem();
    }
    // Only a metric total counts SLA downtime; a slice's episode recovers without SLA minutes of its own.
    if (step.dimension() != null) {
      return Uni.createFrom().item(StepNotification.recovery(step, 0));
    }
    Recovery bounds = StepNotification.recovery(step, 0);
    return repository.slaMinutes(transaction, step.metricId(), step.episodeStart(), bounds.endedAt())
        .map(minutes -> StepNotification.recovery(step, minutes));
  }
}
