package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the rollback decision needs to know about one episode that just started firing: whose metric, in which
 * stage, whether the metric allows automation, which services it names, and when the drop began.
 *
 * @param autoRollback the metric's {@code auto_rollback} header key (true when absent)
 * @param dropStart start of the episode's first bad window
 * @param deploysUntil end of that window: a deploy that finished before it closed (before or while the drop began)
 *     is a suspect; one finishing later came after the drop, maybe as its fix, and is never rolled back
 * @param firedBy end of the window whose observation made the episode fire: when the drop could first be known
 */
public record RollbackCase(String episodeKey, String metricId, String metricName, String stage, boolean autoRollback,
    List<String> linkedServices, Instant dropStart, Instant deploysUntil, Instant firedBy, String summary, String cockpitUrl) {

  public RollbackCase {
    Objects.requireNonNull(episodeKey, "episodeKey");
    Objects.requireNonNull(metricId, "metricId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(dropStart, "dropStart");
    deploysUntil = deploysUntil == null ? dropStart : deploysUntil;
    firedBy = firedBy == null ? deploysUntil : firedBy;
    linkedServices = linkedServices == null ? List.of() : List.copyOf(linkedServices);
  }
}
