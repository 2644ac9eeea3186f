package io.heartbeat.alert.service;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Runs asynchronous units of work one after another, in submission order. Work starts when the returned Uni is
 * subscribed; a failed unit does not block the ones after it.
 */
final class SerialLane {

  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  <T> Uni<T> submit(Supplier<Uni<T>> work) {
    return Uni.createFrom().deferred(() -> Uni.createFrom().completionStage(enqueue(work)));
  }

  /** Queues the work now (not on subscription) and returns its completion. */
  <T> CompletableFuture<T> enqueue(Supplier<Uni<T>> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    CompletableFuture<Void> previous;
    synchronized (this) {
      previous = tail;
      tail = done.handle((item, failure) -> null);
    }
    previous.whenComplete((ignored, failure) -> {
      try {
        work.get().subscribe().with(done::complete, done::completeExceptionally);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /** Completes once every unit queued so far has finished. */
  Uni<Void> drained() {
    CompletableFuture<Void> last;
    synchronized (this) {
      last = tail;
    }
    return Uni.createFrom().completionStage(last);
  }
}
