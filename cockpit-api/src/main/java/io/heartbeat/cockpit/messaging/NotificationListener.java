package io.heartbeat.cockpit.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.heartbeat.cockpit.service.NoticeProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Reads heartbeat.notifications: what alert-service's acting half did (context, deliveries, rollback). */
@ApplicationScoped
public class NotificationListener {

  public static final String CHANNEL = "notifications";
  static final List<String> KINDS = List.of("context", "delivery", "rollback");

  private final NoticeProjection projection;
  private final EventTally tally;

  public NotificationListener(NoticeProjection projection, EventTally tally) {
    this.projection = projection;
    this.tally = tally;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return tally.skip(CHANNEL, record, "null value");
    }
    JsonObject event;
    try {
      event = new JsonObject(record.value());
    } catch (DecodeException e) {
      return tally.skip(CHANNEL, record, "not a JSON object");
    }
    String problem = problem(event);
    if (problem != null) {
      return tally.skip(CHANNEL, record, problem);
    }
    return tally.settle(CHANNEL, projection.apply(event));
  }

  /** What makes the event unusable, null when it is usable. */
  static String problem(JsonObject event) {
    if (!KINDS.contains(event.getString("kind"))) {
      return "kind must be one of " + KINDS;
    }
    for (String field : List.of("id", "dedupKey", "metricId", "occurredAt")) {
      if (!(event.getValue(field) instanceof String)) {
        return field + " missing";
      }
    }
    try {
      Instant.parse(event.getString("occurredAt"));
    } catch (DateTimeParseException e) {
      return "occurredAt is not an instant";
    }
    return switch (event.getString("kind")) {
      case "context" -> event.getValue("context") instanceof JsonObject && event.getValue("step") instanceof String
          ? null : "context or step missing";
      case "delivery" -> event.getValue("receiver") instanceof String && event.getValue("attempts") instanceof Number
          && event.getValue("step") instanceof String ? null : "receiver, step or attempts missing";
      default -> event.getValue("state") instanceof String ? null : "state missing";
    };
  }
}
