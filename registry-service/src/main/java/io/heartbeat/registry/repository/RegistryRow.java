package io.heartbeat.registry.repository;

/** One row of heartbeat.metric_registry as the sync reads it (JSON columns as text). */
public record RegistryRow(String metricId, String file, String contentHash, String version, String state,
    String definitionJson, String problemsJson, String publishedVersion) {

  public boolean published() {
    return version.equals(publishedVersion);
  }
}
