package io.heartbeat.alert.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A drill-down slice of a metric, e.g. kind "customer", value "acme". */
@RegisterForReflection
public record Dimension(String kind, String value) {
}
