package io.heartbeat.registry.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one sync of the metrics folder did. outcome says whether it ran at all (refused: the folder could not be
 * trusted, nothing changed) and whether removals were held for an admin's confirmation (pendingRemovals).
 */
@RegisterForReflection
public record SyncReport(Outcome outcome, int files, int valid, int invalid, int added, int changed, int removed,
    int published, long millis, List<DefinitionProblem> problems, PendingRemovals pendingRemovals) {

  /** How far a sync got. */
  public enum Outcome {
    /** Every change applied, removals included. */
    APPLIED,
    /** Additions and changes applied; removals held until an admin confirms them. */
    HELD,
    /** The folder is missing, unreadable or empty: nothing read, nothing changed. */
    REFUSED;

    @JsonValue
    public String wire() {
      return name().toLowerCase();
    }
  }

  /**
   * Removals a sync held: the metrics whose files are gone, out of {@code current} metrics in force, and the digest
   * an admin sends back to confirm exactly this list.
   */
  @RegisterForReflection
  public record PendingRemovals(List<String> metricIds, int current, double maxShare, String digest) {
  }

  public static SyncReport refused(long millis, DefinitionProblem why) {
    return new SyncReport(Outcome.REFUSED, 0, 0, 0, 0, 0, 0, 0, millis, List.of(why), null);
  }
}
