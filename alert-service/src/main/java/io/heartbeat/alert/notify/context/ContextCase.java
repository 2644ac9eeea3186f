package io.heartbeat.alert.notify.context;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Severity;

/**
 * The episode step a responder context is gathered for: the metric, the slice when one fired on its own, how bad it
 * is and since when, the number against its band, and the rule text of the evaluation (for error, the failure).
 *
 * @param direction higher_is_better or lower_is_better (null: unknown, taken as higher_is_better)
 * @param deploysUntil end of the drop's first window: deploys finished by then are the recent ones shown
 * @param sources the definition's sources (tables, systems), where a stale or broken value is looked for
 */
public record ContextCase(String metricId, Dimension dimension, String direction, List<String> linkedServices,
    List<String> sources, Severity severity, String rule, Instant dropStart, Instant deploysUntil, Reading reading, String cockpitBase) {

  public ContextCase {
    Objects.requireNonNull(metricId, "metricId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(dropStart, "dropStart");
    deploysUntil = deploysUntil == null ? dropStart : deploysUntil;
    linkedServices = linkedServices == null ? List.of() : List.copyOf(linkedServices);
    sources = sources == null ? List.of() : List.copyOf(sources);
    reading = reading == null ? Reading.NONE : reading;
  }

  boolean lowerIsBetter() {
    return "lower_is_better".equals(direction);
  }
}
