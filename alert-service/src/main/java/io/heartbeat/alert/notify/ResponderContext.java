package io.heartbeat.alert.notify;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What responders need first beyond the number itself (issue 11, item 5): suggested first actions, recent deploys
 * of linked services and the rollback, the other heartbeats failing now, and the slices that dropped most. The
 * same record can back {@code GET /api/alerts/{key}}, so a page and the API never disagree.
 *
 * @param rollback null when no rollback was considered for this episode
 */
@RegisterForReflection
public record ResponderContext(
    List<SuggestedAction> suggestedActions,
    List<Deploy> recentDeploys,
    Rollback rollback,
    List<FailingHeartbeat> otherFailing,
    List<DimensionDrop> topDimensions) {

  public static final ResponderContext EMPTY = new ResponderContext(null, null, null, null, null);

  public ResponderContext {
    suggestedActions = suggestedActions == null ? List.of() : List.copyOf(suggestedActions);
    recentDeploys = recentDeploys == null ? List.of() : List.copyOf(recentDeploys);
    otherFailing = otherFailing == null ? List.of() : List.copyOf(otherFailing);
    topDimensions = topDimensions == null ? List.of() : List.copyOf(topDimensions);
  }
}
