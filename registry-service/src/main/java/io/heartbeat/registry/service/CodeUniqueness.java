package io.heartbeat.registry.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.parse.ParsedMetric;

/** The 4-char code is the operator's handle: the first file (by name) keeps a code, later ones are rejected. */
final class CodeUniqueness {

  private CodeUniqueness() {
  }

  static List<ParsedMetric> check(List<ParsedMetric> parsed) {
    Map<String, ParsedMetric> owners = new HashMap<>();
    List<ParsedMetric> result = new ArrayList<>(parsed.size());
    for (ParsedMetric p : parsed) {
      if (!p.valid()) {
        result.add(p);
        continue;
      }
      ParsedMetric owner = owners.putIfAbsent(p.definition().code(), p);
      if (owner == null) {
        result.add(p);
        continue;
      }
      result.add(new ParsedMetric(p.metricId(), p.file(), p.contentHash(), null, List.of(new DefinitionProblem(p.file(),
          p.codeLine(), "code", "'" + p.definition().code() + "' is already the code of " + owner.metricId() + " (" + owner.file()
          + "): expected a unique code")), p.codeLine()));
    }
    return result;
  }
}
