package io.heartbeat.alert.notify.outage;

import java.time.Instant;
import java.util.List;

/**
 * One receiver Heartbeat cannot page, as alert.notify_outage keeps it: the own alert's key, the episode whose page
 * failed first, how many pages were given up so far and the last error, and who was told.
 *
 * @param failedPages 1 exactly when the failure just recorded opened the outage (a later one only counts)
 */
record Outage(String episodeKey, String receiver, String failedEpisode, int failedPages, String lastError,
    List<String> notified, Instant openedAt) {

  Outage {
    notified = List.copyOf(notified);
  }

  boolean opened() {
    return failedPages == 1;
  }
}
