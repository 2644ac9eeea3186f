package io.heartbeat.cockpit.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.heartbeat.cockpit.service.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Counts what each consumed event did (cockpit.events{channel,outcome}) and logs the poison ones. */
@ApplicationScoped
public class EventTally {

  static final String POISON = "poison";

  private final MeterRegistry registry;

  public EventTally(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs the projection, retrying database hiccups, and counts its outcome. */
  Uni<Void> settle(String channel, Uni<Outcome> projection) {
    // Retries cover a database blip; past them the failure reaches the connector, which stops the
    // channel and turns health DOWN, rather than committing past an event that was never applied.
    return projection
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
        .invoke(outcome -> count(channel, outcome.tag()))
        .replaceWithVoid();
  }

  /** The same for a batch projection, which says how many of its events had each outcome. */
  Uni<Void> settleAll(String channel, Uni<Map<Outcome, Integer>> projection) {
    return projection
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
        .invoke(outcomes -> outcomes.forEach((outcome, n) -> count(channel, outcome.tag(), n)))
        .replaceWithVoid();
  }

  /** Logs and counts a record the cockpit cannot read; the caller acknowledges it so the consumer moves on. */
  Uni<Void> skip(String channel, ConsumerRecord<String, String> record, String reason) {
    poison(channel, record, reason);
    return Uni.createFrom().voidItem();
  }

  /** Logs and counts a record of a batch the cockpit cannot read; the rest of the batch goes on. */
  void poison(String channel, ConsumerRecord<String, String> record, String reason) {
    Log.warnf("poison message skipped channel=%s topic=%s partition=%d offset=%d key=%s reason=%s",
        channel, record.topic(), record.partition(), record.offset(), record.key(), reason);
    count(channel, POISON, 1);
  }

  private void count(String channel, String outcome) {
    count(channel, outcome, 1);
  }

  private void count(String channel, String outcome, int n) {
    registry.counter("cockpit.events", "channel", channel, "outcome", outcome).increment(n);
  }
}
