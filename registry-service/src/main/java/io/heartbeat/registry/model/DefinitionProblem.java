package io.heartbeat.registry.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One thing wrong with a metric file, named to the line and field so its owner can fix it. */
@RegisterForReflection
public record DefinitionProblem(String file, int line, String field, String message) {

  @Override
  public String toString() {
    // Reads as "file:line: field 'value': expected ..." when the message quotes the bad value.
    return file + ":" + line + ": " + field + (message.startsWith("'") ? " " : ": ") + message;
  }
}
