package io.heartbeat.alert.notify.context;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.deploy.DeploymentRepository;
import io.heartbeat.alert.notify.Deploy;
import io.heartbeat.alert.notify.DimensionDrop;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackSettings;
import io.heartbeat.alert.notify.SuggestedAction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Gathers what responders need first for one episode step: recent deploys of the linked services (within the
 * rollback's lookback before the drop, every environment, never a rollback URL), the rollback, the other
 * heartbeats failing now, the slices that dropped most against their own expected values, and the suggested
 * actions. Pages and GET /api/alerts/{key} both come through here, so they never disagree on a rule.
 */
@ApplicationScoped
public class ContextGatherer {

  static final int TOP_SLICES = 5;

  private final ContextQueries queries;
  private final DeploymentRepository deployments;
  private final RollbackSettings rollback;

  public ContextGatherer(ContextQueries queries, DeploymentRepository deployments, RollbackSettings rollback) {
    this.queries = queries;
    this.deployments = deployments;
    this.rollback = rollback;
  }

  public Uni<ResponderContext> gather(SqlClient client, ContextCase episode, Rollback rolledBack) {
    Uni<List<Deploy>> deploys = deployments.finishedWithin(client, Set.copyOf(episode.linkedServices()),
            episode.deploysUntil(), rollback.lookback())
        .map(found -> found.stream().map(d -> new Deploy(d.service(), d.version(), d.environment(), d.finishedAt(),
            d.commit(), d.author())).toList());
    // One client may run one query at a time (a transaction): the reads go one after another.
    return deploys.chain(recent -> queries.otherFailing(client, episode.metricId(), episode.cockpitBase())
        .chain(others -> (episode.dimension() != null ? Uni.createFrom().item(List.<DimensionDrop>of())
                : queries.slices(client, episode.metricId(), episode.reading().windowStart()))
            .chain(slices -> (episode.dimension() == null ? Uni.createFrom().item(false)
                    : queries.totalFiring(client, episode.metricId()))
                .map(totalFiring -> new ResponderContext(Suggestions.of(episode, recent, rolledBack, others, slices,
                    totalFiring), recent, rolledBack, others, top(episode, slices))))));
  }

  /**
   * The context of an earlier page with the rollback's outcome in place of what it said then, and the deploy
   * suggestion told again from the outcome ("roll back by hand" once the automatic one failed).
   */
  public static ResponderContext withRollback(ResponderContext was, Rollback outcome, Instant dropStart) {
    List<SuggestedAction> actions = was.suggestedActions().stream()
        .map(action -> action.rule().equals("recent_deploy") && !was.recentDeploys().isEmpty()
            ? Suggestions.deploy(dropStart, was.recentDeploys().get(0), outcome) : action)
        .toList();
    return new ResponderContext(actions, was.recentDeploys(), outcome, was.otherFailing(), was.topDimensions());
  }

  /**
   * The slices on the bad side of their expected value, those that lost the most first (in the metric's unit, then
   * by percent): the customers behind the drop, not the smallest ones that happened to read zero.
   */
  static List<DimensionDrop> top(ContextCase episode, List<DimensionDrop> slices) {
    double sign = episode.lowerIsBetter() ? -1 : 1;
    return slices.stream().filter(s -> s.changePercent() != null && sign * s.changePercent() < 0)
        .sorted(Comparator.comparingDouble((DimensionDrop s) -> sign * (s.value() - s.expected()))
            .thenComparingDouble(s -> sign * s.changePercent()))
        .limit(TOP_SLICES).toList();
  }
}
