package io.heartbeat.alert.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Writes judged units in the order they were judged, one transaction each, while the next unit is already being
 * judged: the database and the broker work while the CPU judges. A write that fails is retried as is (idempotent);
 * one that fails for good breaks the pipeline: the states in memory went past what is written, so the service must
 * stop and replay from the last checkpoint.
 */
@ApplicationScoped
public class WritePipeline {

  private final BatchWriter writer;
  private final Checkpoint checkpoint;
  private final SerialLane lane = new SerialLane();
  private volatile Throwable broken;

  public WritePipeline(BatchWriter writer, Checkpoint checkpoint) {
    this.writer = writer;
    this.checkpoint = checkpoint;
  }

  /**
   * Queues the write now and returns its completion (the ids of the new evaluations); once written, the offsets in
   * next become eligible for the next checkpoint.
   */
  CompletableFuture<Set<String>> enqueue(BatchOutcome out, Instant now, Map<TopicPartition, Long> next) {
    return lane.enqueue(() -> {
      if (broken != null) {
        return Uni.createFrom().failure(broken);
      }
      long started = System.nanoTime();
      return writer.write(out, now)
          .invoke(fresh -> Log.debugf("Batch written evaluations=%d new=%d alerts=%d ms=%.1f", out.evaluations.size(),
              fresh.size(), out.alerts.size(), (System.nanoTime() - started) / 1e6))
          .onFailure().invoke(e -> Log.warnf("Judgement write failed, retrying reason=%s", e.getMessage()))
          .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(6)
          .onFailure().invoke(e -> {
            Log.errorf(e, "Judgement write failed for good; the service must replay from the last checkpoint");
            broken = e;
          })
          .invoke(() -> checkpoint.processed(next));
    });
  }

  /** Completes when every write queued so far is done. */
  Uni<Void> drained() {
    return lane.drained();
  }

  /** The failure that broke the pipeline, or null. */
  Throwable broken() {
    return broken;
  }
}
