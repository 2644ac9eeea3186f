package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One step of one alert episode, told the same way to every channel: the acting side's whole input. Channels turn
 * it into their vendor's request and never look anything up; the outbox stores it as JSON ({@link
 * NotificationJson}), so a retry after a restart sends what the first attempt would have.
 *
 * @param episodeKey the episode's stable dedup key (alert.v1 dedupKey): PagerDuty's dedup_key, incident.io's
 *     deduplication_key, and with {@code step} the generic webhook's message id
 * @param step names this message within its episode, so that each step is sent once and each has its own id:
 *     e.g. "firing", "escalated:red", "rollback:succeeded", "resolved"
 * @param severity the episode's current severity; on a resolve, its worst one
 * @param summary one human sentence on what happened, without the severity label (channels add it)
 * @param cockpitUrl absolute deep link to the metric in the cockpit (all URLs here are absolute: vendors open
 *     them from outside)
 * @param startedAt start of the episode's first bad window
 * @param occurredAt when alert-service decided the step (the vendors' event timestamp)
 * @param recovery how the episode ended: set exactly when {@code status} is RESOLVED
 */
@RegisterForReflection
public record Notification(
    String episodeKey,
    String step,
    Status status,
    Severity severity,
    Heartbeat heartbeat,
    String summary,
    Reading reading,
    String cockpitUrl,
    List<Link> links,
    List<Image> images,
    ResponderContext context,
    Instant startedAt,
    Instant occurredAt,
    Recovery recovery) {

  /** PagerDuty's limit for dedup_key, the tightest of the vendors that take the episode key. */
  public static final int MAX_KEY_LENGTH = 255;

  public Notification {
    Objects.requireNonNull(episodeKey, "episodeKey");
    if (episodeKey.isBlank() || episodeKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("episodeKey must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    Objects.requireNonNull(step, "step");
    if (step.isBlank()) {
      throw new IllegalArgumentException("step must not be blank");
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(summary, "summary");
    if (summary.isBlank()) {
      // Every vendor shows the summary as the page's first line; Slack refuses an empty text outright.
      throw new IllegalArgumentException("summary must not be blank");
    }
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
    // A resolve without its recovery could not tell duration and SLA minutes; a firing page with one would claim an
    // end that has not happened.
    if ((status == Status.RESOLVED) != (recovery != null)) {
      throw new IllegalArgumentException("recovery is set exactly when the status is resolved, not for "
          + status.wire());
    }
    reading = reading == null ? Reading.NONE : reading;
    links = links == null ? List.of() : List.copyOf(links);
    images = images == null ? List.of() : List.copyOf(images);
    context = context == null ? ResponderContext.EMPTY : context;
  }
}
