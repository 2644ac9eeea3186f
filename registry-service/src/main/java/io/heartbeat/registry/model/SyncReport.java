package io.heartbeat.registry.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one sync of the metrics folder did. */
@RegisterForReflection
public record SyncReport(int files, int valid, int invalid, int added, int changed, int removed, int published,
    long millis, List<DefinitionProblem> problems) {
}
