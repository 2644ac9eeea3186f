package io.heartbeat.compute.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Gathers the calls that arrive within a few milliseconds into one database statement, so a tick with a thousand
 * due windows commits (and waits for the disk) a handful of times instead of a thousand; each caller still gets its
 * own result, in the order of {@code items}.
 */
final class Batching<T, R> {

  private final int maxBatch;
  private final Duration linger;
  private final Function<List<T>, Uni<List<R>>> write;
  private final List<Entry<T, R>> pending = new ArrayList<>();
  private boolean flushScheduled;

  /** {@code write} answers one result per item, in the items' order. */
  Batching(int maxBatch, Duration linger, Function<List<T>, Uni<List<R>>> write) {
    this.maxBatch = maxBatch;
    this.linger = linger;
    this.write = write;
  }

  Uni<R> submit(T item) {
    return Uni.createFrom().emitter(emitter -> {
      boolean full;
      boolean schedule;
      synchronized (this) {
        pending.add(new Entry<>(item, emitter));
        full = pending.size() >= maxBatch;
        schedule = !full && !flushScheduled;
        flushScheduled |= schedule;
      }
      if (full) {
        flush();
      } else if (schedule) {
        Uni.createFrom().voidItem().onItem().delayIt().by(linger).subscribe().with(ignored -> flush());
      }
    });
  }

  private void flush() {
    List<Entry<T, R>> batch;
    synchronized (this) {
      batch = new ArrayList<>(pending);
      pending.clear();
      flushScheduled = false;
    }
    if (batch.isEmpty()) {
      return;
    }
    Uni<List<R>> written;
    try {
      written = write.apply(batch.stream().map(Entry::item).toList());
    } catch (RuntimeException e) {
      written = Uni.createFrom().failure(e);
    }
    written.subscribe().with(results -> {
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).emitter().complete(results.get(i));
      }
    }, failure -> batch.forEach(entry -> entry.emitter().fail(failure)));
  }

  private record Entry<T, R>(T item, UniEmitter<? super R> emitter) {
  }
}
