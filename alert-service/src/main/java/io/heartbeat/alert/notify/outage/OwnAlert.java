package io.heartbeat.alert.notify.outage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Link;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Recovery;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;

/**
 * Tells an outage of one receiver as a notification of Heartbeat's own heartbeat, heartbeat_notify, sliced by
 * receiver: red while open, since the responders behind that receiver are not being paged at all; resolved when it
 * takes pages again. It links to the deliveries of the page that failed first. Pure.
 */
final class OwnAlert {

  static final String METRIC_ID = "heartbeat_notify";
  static final String FIRING = "firing";
  static final String RESOLVED = "resolved";

  private final String alertUrl;

  OwnAlert(String alertUrl) {
    this.alertUrl = alertUrl.replaceAll("/+$", "");
  }

  /** heartbeat-notify:{receiver}:{sha256 of the first failed row id}: the same failure always has the same key. */
  static String key(String receiver, String failedRowId) {
    return "heartbeat-notify:" + receiver + ":" + EventId.of(failedRowId);
  }

  Notification trigger(Outage outage, long pending, Instant at) {
    String summary = "Heartbeat could not page " + outage.receiver() + ": " + pages(outage.failedPages())
        + " given up, " + pending + " more waiting; last error: " + outage.lastError();
    return notification(outage, FIRING, Status.FIRING, summary, at, null);
  }

  Notification resolve(Outage outage, Instant at) {
    String summary = "Heartbeat pages " + outage.receiver() + " again; " + pages(outage.failedPages())
        + " given up meanwhile, last error: " + outage.lastError();
    long seconds = Math.max(0, Duration.between(outage.openedAt(), at).toSeconds());
    // No metric of Heartbeat's own counts against an SLA: the outage costs none of its minutes.
    return notification(outage, RESOLVED, Status.RESOLVED, summary, at, new Recovery(at, seconds, 0));
  }

  private Notification notification(Outage outage, String step, Status status, String summary, Instant at,
      Recovery recovery) {
    Heartbeat heartbeat = new Heartbeat(METRIC_ID, "Heartbeat notifications", "HBNT", "pages", "lower_is_better",
        "Pages Heartbeat gave up on for one receiver. While it is red, the responders behind that receiver hear"
            + " nothing from Heartbeat: reach them another way, then check the receiver (URL, secret, vendor status).",
        null, null, "paging", List.of(), List.of(), new Dimension("receiver", outage.receiver()));
    Link deliveries = new Link(alertUrl + "/api/alerts/" + URLEncoder.encode(outage.failedEpisode(),
        StandardCharsets.UTF_8) + "/deliveries", "Deliveries of the page that failed");
    // No cockpit tile shows Heartbeat's own heartbeat: the deliveries link is where to look.
    return new Notification(outage.episodeKey(), step, status, Severity.RED, heartbeat, summary, Reading.NONE, null,
        List.of(deliveries), List.of(), ResponderContext.EMPTY, outage.openedAt(), at, recovery);
  }

  private static String pages(int count) {
    return count == 1 ? "1 page" : count + " pages";
  }
}
