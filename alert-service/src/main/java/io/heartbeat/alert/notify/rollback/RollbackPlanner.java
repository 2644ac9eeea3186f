package io.heartbeat.alert.notify.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.deploy.DeploymentRepository;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackCase;
import io.heartbeat.alert.notify.RollbackDecisions;
import io.heartbeat.alert.notify.RollbackSettings;
import io.heartbeat.alert.notify.RollbackState;
import io.heartbeat.alert.notify.event.NotificationEventRepository;
import io.heartbeat.alert.notify.event.RollbackEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Decides, on the transaction that stores an episode's firing step, whether it rolls a deploy back: the decision is
 * stored with the step (a replay finds it and decides nothing twice) and the first page tells it at once — STARTED
 * or SKIPPED with the reason — while {@link RollbackWorker} calls the hook afterwards, so no page waits for it. The
 * decision is recorded for heartbeat.notifications on the same transaction (notify.event).
 */
@ApplicationScoped
public class RollbackPlanner implements RollbackDecisions {

  private final RollbackRepository rollbacks;
  private final DeploymentRepository deployments;
  private final RollbackSettings settings;
  private final RollbackSigning signing;
  private final NotificationEventRepository events;
  private final Clock clock;

  public RollbackPlanner(RollbackRepository rollbacks, DeploymentRepository deployments, RollbackSettings settings,
      RollbackSigning signing, NotificationEventRepository events, Clock clock) {
    this.rollbacks = rollbacks;
    this.deployments = deployments;
    this.settings = settings;
    this.signing = signing;
    this.events = events;
    this.clock = clock;
  }

  /** The rollback of each episode, by episode key, in the order given. */
  @Override
  public Uni<Map<String, Rollback>> decide(SqlClient transaction, List<RollbackCase> episodes) {
    Map<String, Rollback> decided = new HashMap<>();
    if (episodes.isEmpty()) {
      return Uni.createFrom().item(decided);
    }
    return Multi.createFrom().iterable(episodes)
        .onItem().transformToUniAndConcatenate(episode -> plan(transaction, episode)
            .invoke(rollback -> decided.put(episode.episodeKey(), rollback)))
        .collect().last()
        .replaceWith(decided);
  }

  @Override
  public Uni<Rollback> current(SqlClient client, String episodeKey) {
    return rollbacks.find(client, episodeKey);
  }

  private Uni<Rollback> plan(SqlClient transaction, RollbackCase episode) {
    return rollbacks.find(transaction, episode.episodeKey()).chain(known -> known != null
        ? Uni.createFrom().item(known)
        : deployments.finishedWithin(transaction, Set.copyOf(episode.linkedServices()), episode.deploysUntil(),
                settings.lookback())
            .chain(deploys -> decide(transaction, episode, deploys)));
  }

  private Uni<Rollback> decide(SqlClient transaction, RollbackCase episode, List<Deployment> deploys) {
    Instant now = clock.instant();
    RollbackGate.Decision decision = RollbackGate.decide(episode, settings.enabled(), signing.available(),
        settings.environments(), settings.lookback(), deploys, now);
    if (!decision.starts()) {
      return skip(transaction, episode, decision.skipped(), now);
    }
    Deployment deploy = decision.deployment();
    return rollbacks.rolledBackBy(transaction, deploy.id()).chain(other -> {
      if (other != null) {
        return skip(transaction, episode, "already rolled back: " + deploy.service() + " " + deploy.version()
            + " is rolled back for episode " + other, now);
      }
      String detail = deploy.service() + " " + deploy.version() + " finished deploying "
          + when(deploy, episode);
      String request = RollbackMessage.of(episode, deploy, detail, now).json();
      return rollbacks.insertPending(transaction, episode.episodeKey(), episode.metricId(), detail, deploy.id(),
              deploy.service(), deploy.version(), request, now)
          .chain(inserted -> {
            if (!inserted) {
              // Another instance's episode of the same deploy committed first: the unique index decided.
              return skip(transaction, episode, "already rolled back: " + deploy.service() + " " + deploy.version()
                  + " is rolled back for another episode", now);
            }
            Log.infof("Rollback started episode=%s metric=%s service=%s version=%s hook=%s", episode.episodeKey(),
                episode.metricId(), deploy.service(), deploy.version(), deploy.rollbackUrl().origin());
            return events.record(transaction, RollbackEvent.of(episode.episodeKey(), episode.metricId(),
                    RollbackState.STARTED, detail, deploy.service(), deploy.version(), deploy.id(), now))
                .replaceWith(new Rollback(RollbackState.STARTED, detail, deploy.service(), deploy.version()));
          });
    });
  }

  private Uni<Rollback> skip(SqlClient transaction, RollbackCase episode, String reason, Instant now) {
    Log.infof("Rollback skipped episode=%s metric=%s reason=%s", episode.episodeKey(), episode.metricId(), reason);
    return rollbacks.insertSkipped(transaction, episode.episodeKey(), episode.metricId(), reason, now)
        .chain(() -> events.record(transaction, RollbackEvent.of(episode.episodeKey(), episode.metricId(),
            RollbackState.SKIPPED, reason, null, null, null, now)))
        .replaceWith(new Rollback(RollbackState.SKIPPED, reason, null, null));
  }

  private static String when(Deployment deploy, RollbackCase episode) {
    if (deploy.finishedAt().isAfter(episode.dropStart())) {
      return "in the window the drop began in";
    }
    long seconds = Duration.between(deploy.finishedAt(), episode.dropStart()).toSeconds();
    return (seconds < 60 ? seconds + " s" : seconds / 60 + " min") + " before the drop began";
  }
}
