package io.heartbeat.alert.notify;

import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A first action suggested to the responder, with the rule that proposed it and why the rule fired, so a suggestion
 * is never a bare instruction: "Roll back checkout 1.42 (deployed 4 min before the drop)".
 *
 * @param rule stable id of the rule, e.g. recent_deploy, shared_dependency, single_dimension, stale_pipeline,
 *     error_value_sql
 * @param text what to do
 * @param why the facts that made the rule fire
 */
@RegisterForReflection
public record SuggestedAction(String rule, String text, String why) {

  public SuggestedAction {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(text, "text");
  }
}
