package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The query bound: never more than the limit at once, waiters served in arrival order, slots freed on failure. */
class QuerySlotsTest {

  private final List<UniEmitter<? super String>> running = new CopyOnWriteArrayList<>();
  private final List<String> startOrder = new CopyOnWriteArrayList<>();
  private final AtomicInteger peak = new AtomicInteger();

  @Test
  void shouldRunAtMostLimitAtOnceInArrivalOrder() {
    QuerySlots slots = new QuerySlots(2);
    List<String> results = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "q" + i;
      slots.run(() -> work(slots, name)).subscribe().with(results::add);
    }
    assertEquals(2, running.size(), "two started, three wait");

    while (!running.isEmpty()) {
      running.remove(0).complete("done");
    }

    assertEquals(5, results.size());
    assertEquals(List.of("q0", "q1", "q2", "q3", "q4"), startOrder, "waiters start in arrival order");
    assertEquals(2, peak.get(), "never more than the limit");
    assertEquals(0, slots.inUse(), "every slot came back");
  }

  @Test
  void shouldFreeSlotWhenQueryFails() {
    QuerySlots slots = new QuerySlots(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    slots.run(() -> Uni.createFrom().failure(new IllegalStateException("boom"))).subscribe()
        .with(ignored -> { }, failures::add);
    List<String> results = new CopyOnWriteArrayList<>();
    slots.run(() -> Uni.createFrom().item("next")).subscribe().with(results::add);

    assertEquals(1, failures.size());
    assertEquals(List.of("next"), results, "the failed query did not keep its slot");
    assertEquals(0, slots.inUse());
  }

  @Test
  void shouldSkipWaiterThatGaveUp() {
    QuerySlots slots = new QuerySlots(1);
    slots.run(() -> work(slots, "holder")).subscribe().with(ignored -> { });
    Cancellable gaveUp = slots.run(() -> work(slots, "gave-up")).subscribe().with(ignored -> { });
    List<String> results = new CopyOnWriteArrayList<>();
    slots.run(() -> Uni.createFrom().item("third")).subscribe().with(results::add);

    gaveUp.cancel();
    running.remove(0).complete("done");

    assertEquals(List.of("third"), results, "the slot went past the cancelled waiter");
    assertTrue(running.isEmpty(), "the cancelled waiter never started");
    assertEquals(0, slots.inUse());
  }

  /** A query that runs until the test completes it, recording how many run at once. */
  private Uni<String> work(QuerySlots slots, String name) {
    return Uni.createFrom().emitter(emitter -> {
      running.add(emitter);
      startOrder.add(name);
      peak.accumulateAndGet(slots.inUse(), Math::max);
    });
  }
}
