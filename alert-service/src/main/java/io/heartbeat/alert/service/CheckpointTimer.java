package io.heartbeat.alert.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Checkpoints on a timer, so the last batches before a quiet period are covered, and once more at shutdown. */
@ApplicationScoped
public class CheckpointTimer {

  private final EvaluationService evaluations;

  public CheckpointTimer(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Scheduled(identity = "checkpoint", every = "${heartbeat.alert.judgement.checkpoint-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return evaluations.checkpointIfDue()
        .onFailure().recoverWithItem(e -> {
          Log.errorf(e, "Checkpoint tick failed; the next one retries");
          return null;
        });
  }

  void onStop(@Observes ShutdownEvent event) {
    try {
      evaluations.checkpoint().await().atMost(Duration.ofSeconds(20));
    } catch (RuntimeException e) {
      Log.warnf("Checkpoint at shutdown failed; the restart replays from the last one reason=%s", e.getMessage());
    }
  }
}
