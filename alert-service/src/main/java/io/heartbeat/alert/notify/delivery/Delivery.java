package io.heartbeat.alert.notify.delivery;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of an episode as GET /api/alerts/{key}/deliveries shows it: to which receiver, which step, its state
 * (pending, delivered, failed), how many attempts, the last answer and when it is next due or was delivered.
 */
@RegisterForReflection
public record Delivery(String id, String receiver, String step, String status, String state, int attempts,
    Integer lastStatus, String lastError, Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
    Instant deliveredAt) {
}
