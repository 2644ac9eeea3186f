package io.heartbeat.registry.parse;

import java.util.List;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.MetricDefinition;

/** The outcome of parsing one file: a definition when it has no problems, the problems otherwise; codeLine locates the code key. */
public record ParsedMetric(String metricId, String file, String contentHash, MetricDefinition definition,
    List<DefinitionProblem> problems, int codeLine) {

  public boolean valid() {
    return problems.isEmpty() && definition != null;
  }
}
