package io.heartbeat.alert.deploy;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Records a deployment, from the API or the topic, through the same idempotent upsert. The API also publishes what
 * it recorded so other services see it; its own listener then finds the row unchanged.
 */
@ApplicationScoped
public class DeploymentService {

  private final DeploymentRepository deployments;
  private final DeploymentPublisher publisher;
  private final Clock clock;

  public DeploymentService(DeploymentRepository deployments, DeploymentPublisher publisher, Clock clock) {
    this.deployments = deployments;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** A deployment read from heartbeat.deployments. */
  public Uni<Recording> record(Deployment deployment) {
    return deployments.record(deployment, clock.instant()).invoke(outcome -> log(deployment, outcome, "event"));
  }

  /**
   * A deployment posted to the API: stored, then published. It is published again when it was known already, so a
   * pipeline retrying after a failed publish (the row written, the answer a 500) gets the event out this time.
   */
  public Uni<Recording> recordAndPublish(Deployment deployment) {
    return deployments.record(deployment, clock.instant())
        .invoke(outcome -> log(deployment, outcome, "api"))
        .call(outcome -> outcome == Recording.CONFLICTING ? Uni.createFrom().voidItem()
            : publisher.publish(deployment));
  }

  /** The clock the finish-time check compares with. */
  public Clock clock() {
    return clock;
  }

  // The rollback URL is a capability: the log says only where it points.
  private static void log(Deployment d, Recording outcome, String via) {
    String rollback = d.rollbackUrl() == null ? "none" : d.rollbackUrl().origin();
    if (outcome == Recording.CONFLICTING) {
      Log.warnf("Deployment refused: id known with other fields id=%s service=%s environment=%s version=%s via=%s",
          d.id(), d.service(), d.environment(), d.version(), via);
    } else {
      Log.infof("Deployment %s id=%s service=%s environment=%s version=%s finishedAt=%s rollback=%s via=%s",
          outcome == Recording.CREATED ? "recorded" : "already recorded", d.id(), d.service(), d.environment(),
          d.version(), d.finishedAt(), rollback, via);
    }
  }
}
