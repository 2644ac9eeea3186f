package io.heartbeat.registry.folder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.parse.MetricFileParser;

/**
 * The metrics a sync would remove because their files are gone, out of {@code current} metrics in force. Past
 * maxShare of them it is held for an admin: a half-checked-out folder or a bad merge looks exactly like a mass
 * deletion. The digest names this exact list (each metric with the registry version it would remove, and the
 * folder), so a confirmation given for one list can never apply another after the folder or the registry changed.
 */
public record RemovalPlan(MetricsFolder folder, Map<String, String> versionsById, int current, double maxShare) {

  public RemovalPlan {
    versionsById = new TreeMap<>(versionsById);
  }

  public boolean isEmpty() {
    return versionsById.isEmpty();
  }

  public List<String> metricIds() {
    return List.copyOf(versionsById.keySet());
  }

  /** True when the plan removes more than maxShare of the current metrics (0.5: more than half). */
  public boolean exceedsShare() {
    return !isEmpty() && versionsById.size() > maxShare * current;
  }

  public String digest() {
    StringBuilder text = new StringBuilder(folder.path().toString());
    versionsById.forEach((id, version) -> text.append('\n').append(id).append('|').append(version));
    return MetricFileParser.sha256(text.toString());
  }

  public SyncReport.PendingRemovals pending() {
    return new SyncReport.PendingRemovals(metricIds(), current, maxShare, digest());
  }

  /** Throws unless {@code digest} names exactly these removals. */
  public void confirm(String digest) {
    if (isEmpty()) {
      throw new RemovalRefused("no removals are pending: every metric in force still has its file", null);
    }
    if (!digest().equals(digest)) {
      throw new RemovalRefused("digest '" + digest + "' does not name the removals pending now (" + metricIds()
          + ", digest " + digest() + "): the folder or the registry changed since they were shown; review them and "
          + "confirm the new digest", pending());
    }
  }

  /** The folder-level problem a held plan leaves until it is confirmed or the files come back. */
  public DefinitionProblem heldProblem() {
    long share = Math.round(100.0 * versionsById.size() / current);
    return new DefinitionProblem(folder.shown(), 0, "folder", versionsById.size() + " of " + current + " metrics ("
        + share + " %) would be removed, more than registry.sync.max-removal-share " + maxShare + ": removals held, "
        + "nothing removed (" + String.join(", ", metricIds()) + "). If their files were deleted on purpose, an admin "
        + "confirms with POST /api/registry/removals/confirm {\"digest\": \"" + digest() + "\"}; otherwise restore "
        + "the files");
  }
}
