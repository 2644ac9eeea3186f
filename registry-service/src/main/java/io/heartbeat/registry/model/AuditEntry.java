package io.heartbeat.registry.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One audited change of one field: who, when, old, new and why. */
@RegisterForReflection
public record AuditEntry(long id, String metricId, String actor, Instant at, String field, String oldValue,
    String newValue, String reason) {
}
