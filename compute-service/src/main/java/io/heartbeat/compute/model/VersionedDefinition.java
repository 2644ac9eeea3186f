package io.heartbeat.compute.model;

/** A definition with the registry version that identifies it in observations. */
public record VersionedDefinition(String version, MetricDefinition definition) {
}
