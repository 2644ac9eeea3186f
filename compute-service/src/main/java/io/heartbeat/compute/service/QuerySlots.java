package io.heartbeat.compute.service;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heartbeat.compute.config.ComputeConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Bounds how many value_sql queries run at once ({@code compute.max-concurrency}); the others wait in arrival
 * order without holding a thread or a connection. Only the query holds a slot, not the wait for the broker, so
 * publishing never slows the marts side down, and a slow query holds one slot until its own timeout.
 */
@ApplicationScoped
public class QuerySlots {

  private final int limit;
  private final Queue<Waiter> waiting = new ArrayDeque<>();
  private int used;

  @Inject
  public QuerySlots(ComputeConfig config) {
    this(config.maxConcurrency());
  }

  QuerySlots(int limit) {
    this.limit = Math.max(1, limit);
  }

  /** Runs {@code work} once a slot is free and frees the slot when it ends, however it ends. */
  public <T> Uni<T> run(Supplier<Uni<T>> work) {
    return Uni.createFrom().deferred(() -> {
      AtomicBoolean held = new AtomicBoolean();
      return acquire(held)
          .chain(work::get)
          .onTermination().invoke(() -> {
            if (held.getAndSet(false)) {
              release();
            }
          });
    });
  }

  /** Queries running or about to run. */
  public synchronized int inUse() {
    return used;
  }

  private Uni<Void> acquire(AtomicBoolean held) {
    return Uni.createFrom().emitter(emitter -> {
      synchronized (this) {
        if (used >= limit) {
          Waiter waiter = new Waiter(emitter, held, new AtomicBoolean());
          // Fires on cancellation too; a slot is then never handed to this waiter.
          emitter.onTermination(() -> waiter.gone().set(true));
          waiting.add(waiter);
          return;
        }
        used++;
      }
      held.set(true);
      emitter.complete(null);
    });
  }

  private void release() {
    while (true) {
      Waiter next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          used--;
          return;
        }
      }
      // The slot passes straight to the next waiter; one that gave up meanwhile is skipped.
      if (!next.gone().get()) {
        next.held().set(true);
        next.emitter().complete(null);
        return;
      }
    }
  }

  private record Waiter(UniEmitter<? super Void> emitter, AtomicBoolean held, AtomicBoolean gone) {
  }
}
