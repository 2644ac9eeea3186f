package io.heartbeat.alert.notify.event;

import java.time.Instant;
import java.util.Locale;

import io.heartbeat.alert.model.EventId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * kind delivery: one attempt to deliver a page to a receiver reached an outcome. Names the receiver and its channel
 * type, never its URL, secret or the body sent. id = sha256(dedupKey|delivery|receiver|step|attempts): each attempt
 * is claimed with a new attempt number, so each outcome is one event, and recording it twice changes nothing.
 *
 * @param channel pagerduty, incidentio, slack or webhook
 * @param outcome delivered, retrying (nextAttemptAt says when) or failed (given up for good)
 * @param httpStatus the receiver's answer, null when none came (refused, timed out)
 */
@RegisterForReflection
public record DeliveryEvent(int schemaVersion, String id, String kind, String dedupKey, String metricId,
    String receiver, String channel, String step, String outcome, int attempts, Integer httpStatus,
    Instant nextAttemptAt, Instant occurredAt) implements NotificationEvent {

  public static final String KIND = "delivery";

  /** Where an attempt ended. */
  public enum Outcome {
    DELIVERED, RETRYING, FAILED;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static DeliveryEvent of(String dedupKey, String metricId, String receiver, String channel, String step,
      Outcome outcome, int attempts, Integer httpStatus, Instant nextAttemptAt, Instant at) {
    return new DeliveryEvent(SCHEMA_VERSION, EventId.of(dedupKey, KIND, receiver, step, String.valueOf(attempts)),
        KIND, dedupKey, metricId, receiver, channel, step, outcome.wire(), attempts, httpStatus, nextAttemptAt, at);
  }
}
