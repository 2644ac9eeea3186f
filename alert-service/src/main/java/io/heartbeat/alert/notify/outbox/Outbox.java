package io.heartbeat.alert.notify.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.Recovery;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackCase;
import io.heartbeat.alert.notify.RollbackDecisions;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.context.ContextCase;
import io.heartbeat.alert.notify.context.ContextGatherer;
import io.heartbeat.alert.notify.event.ContextEvent;
import io.heartbeat.alert.notify.event.NotificationEventRepository;
import io.heartbeat.alert.notify.route.Router;
import io.heartbeat.alert.notify.route.Routing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Enqueues the pages of new episode steps on the transaction that stores them: commit both or neither, so a step
 * is never stored without its pages nor paged without being stored. Steps are taken in order, so a batch that
 * fires and resolves an episode sends the resolve to the receivers its own trigger chose. An episode that starts
 * firing has its rollback decided first (even with no receiver configured), so its first page tells the decision;
 * the rollback's outcome later becomes an update under the same key ({@link #enqueueRollbackOutcome}). Each step
 * is also recorded, with the responder context its pages carry, for heartbeat.notifications (notify.event), whether
 * or not a receiver is configured: the cockpit learns the context from the topic, not from this service's API.
 */
@ApplicationScoped
public class Outbox {

  private final OutboxRepository repository;
  private final Router router;
  private final RollbackDecisions rollbacks;
  private final ContextGatherer context;
  private final NotificationEventRepository events;
  private final String cockpitUrl;

  public Outbox(OutboxRepository repository, Routing routing, RollbackDecisions rollbacks, ContextGatherer context,
      NotificationEventRepository events, NotifyConfig config) {
    this.repository = repository;
    this.router = routing.router();
    this.rollbacks = rollbacks;
    this.context = context;
    this.events = events;
    this.cockpitUrl = config.cockpitUrl();
  }

  /** steps are the episode steps this transaction stored for the first time, in the order they happened. */
  public Uni<Void> enqueue(SqlClient transaction, List<AlertEvent> steps) {
    if (steps.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<String> metricIds = steps.stream().map(AlertEvent::metricId).collect(Collectors.toSet());
    return repository.facts(transaction, metricIds)
        .chain(facts -> rollbacks.decide(transaction, rollbackCases(steps, facts))
            .chain(decided -> told(transaction, steps, facts, decided)))
        .chain(told -> events.record(transaction, contexts(steps, told))
            .chain(() -> router.names().isEmpty() ? Uni.createFrom().voidItem() : pages(transaction, steps, told)));
  }

  /** Each step as its pages tell it, in order; built one after another, since a transaction runs one query at once. */
  private Uni<List<Notification>> told(SqlClient transaction, List<AlertEvent> steps, Map<String, MetricFacts> facts,
      Map<String, Rollback> decided) {
    List<Notification> told = new ArrayList<>();
    return Multi.createFrom().iterable(steps)
        .onItem().transformToUniAndConcatenate(step -> notification(transaction, step, facts, decided)
            .invoke(told::add))
        .collect().last()
        .replaceWith(told);
  }

  private static List<ContextEvent> contexts(List<AlertEvent> steps, List<Notification> told) {
    List<ContextEvent> contexts = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      contexts.add(ContextEvent.of(steps.get(i), told.get(i)));
    }
    return contexts;
  }

  private Uni<Void> pages(SqlClient transaction, List<AlertEvent> steps, List<Notification> told) {
    Set<String> keys = steps.stream().map(AlertEvent::dedupKey).collect(Collectors.toSet());
    return repository.triggered(transaction, keys)
        .map(triggered -> rows(told, triggered))
        .chain(rows -> repository.insertAll(transaction, rows));
  }

  /** Rollbacks are decided for the metric total's episode only: one customer's drop rolls no deploy back. */
  private List<RollbackCase> rollbackCases(List<AlertEvent> steps, Map<String, MetricFacts> facts) {
    List<RollbackCase> cases = new ArrayList<>();
    for (AlertEvent step : steps) {
      if (step.type().equals("firing") && step.dimension() == null) {
        MetricFacts metric = facts.getOrDefault(step.metricId(), MetricFacts.unknown(step.metricId()));
        cases.add(new RollbackCase(step.dedupKey(), step.metricId(), metric.name(), step.stage(),
            metric.autoRollback(), metric.linkedServices(), step.episodeStart(), firstWindowEnd(step, metric),
            step.evidence() == null ? null : step.evidence().windowEnd(), step.reason(),
            StepNotification.cockpitLink(cockpitUrl, step.metricId())));
      }
    }
    return cases;
  }

  /** Steps are routed in order, so a resolve in the same batch goes to the receivers its own trigger chose. */
  private List<OutboxRow> rows(List<Notification> told, Map<String, Set<String>> triggered) {
    List<OutboxRow> rows = new ArrayList<>();
    for (Notification notification : told) {
      Set<String> got = triggered.computeIfAbsent(notification.episodeKey(), k -> new LinkedHashSet<>());
      for (String receiver : router.receivers(notification, got)) {
        if (router.knows(receiver)) {
          rows.add(OutboxRow.of(notification, receiver));
          if (notification.status() != Status.RESOLVED) {
            got.add(receiver);
          }
        }
      }
    }
    return rows;
  }

  /**
   * The notification a page of this step carries, with the responder context as it stands on this client: what
   * GET /api/alerts/{key} shows for an episode's latest step, read the same way as the page.
   */
  public Uni<Notification> describe(SqlClient client, AlertEvent step) {
    return repository.facts(client, Set.of(step.metricId()))
        .chain(facts -> notification(client, step, facts, Map.of()));
  }

  private Uni<Notification> notification(SqlClient client, AlertEvent step, Map<String, MetricFacts> facts,
      Map<String, Rollback> decided) {
    MetricFacts metric = facts.getOrDefault(step.metricId(), MetricFacts.unknown(step.metricId()));
    Uni<Rollback> rollback = decided.containsKey(step.dedupKey())
        ? Uni.createFrom().item(decided.get(step.dedupKey()))
        : rollbacks.current(client, step.dedupKey());
    return rollback.chain(rolledBack -> recovery(client, step)
        .chain(recovery -> context.gather(client, contextCase(step, metric), rolledBack)
            .map(gathered -> StepNotification.of(step, metric, recovery, cockpitUrl, gathered))));
  }

  private ContextCase contextCase(AlertEvent step, MetricFacts metric) {
    Status status = StepNotification.status(step.type());
    Severity severity = Severity.fromWire(status == Status.RESOLVED ? step.previousStatus() : step.status());
    return new ContextCase(step.metricId(), step.dimension(), metric.direction(), metric.linkedServices(),
        metric.sources(), severity, step.evidence() == null ? null : step.evidence().rule(), step.episodeStart(),
        firstWindowEnd(step, metric), StepNotification.reading(step.evidence()),
        StepNotification.cockpitBase(cockpitUrl));
  }

  /** The end of the episode's first bad window: a deploy finishing within it is as suspect as one just before. */
  private static Instant firstWindowEnd(AlertEvent step, MetricFacts metric) {
    return step.episodeStart().plusSeconds(Math.max(0, metric.periodSeconds()));
  }

  /**
   * The rollback's outcome as an update under the episode's key, to every receiver that got its trigger: the
   * firing page again with the outcome in place of "started". Nothing once the episode has resolved: an update
   * after a resolve would reopen the incident at PagerDuty and incident.io (the outcome stays in the API).
   */
  public Uni<Void> enqueueRollbackOutcome(SqlClient transaction, String episodeKey, Rollback outcome, Instant at) {
    if (router.names().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return repository.firingPages(transaction, episodeKey).chain(pages -> {
      List<OutboxRow> rows = new ArrayList<>();
      pages.forEach((receiver, stored) -> {
        Notification firing = NotificationJson.decode(stored);
        Notification update = new Notification(firing.episodeKey(), "rollback:" + outcome.state().wire(),
            Status.UPDATED, firing.severity(), firing.heartbeat(), firing.summary(), firing.reading(),
            firing.cockpitUrl(), firing.links(), firing.images(),
            ContextGatherer.withRollback(firing.context(), outcome, firing.startedAt()), firing.startedAt(), at, null);
        rows.add(OutboxRow.of(update, receiver));
      });
      return repository.insertAll(transaction, rows);
    });
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
