package io.heartbeat.registry.repository;

import io.heartbeat.registry.model.OperatorFields;

/**
 * One row of heartbeat.metric_registry (JSON columns as text). fileVersion identifies what the file said;
 * version identifies what consumers see (file plus operator fields) and is what gets published.
 */
public record RegistryRow(String metricId, String file, String contentHash, String fileVersion, String version,
    String state, String definitionJson, String problemsJson, String publishedVersion, OperatorFields operator,
    long rowVersion) {

  public boolean published() {
    return version.equals(publishedVersion);
  }

  public RegistryRow withFile(String file, String contentHash, String fileVersion, String version, String state,
      String definitionJson, String problemsJson) {
    return new RegistryRow(metricId, file, contentHash, fileVersion, version, state, definitionJson, problemsJson,
        publishedVersion, operator, rowVersion);
  }
}
