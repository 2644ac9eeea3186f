package io.heartbeat.alert.notify.channel.incidentio;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An alert event for an incident.io HTTP alert source, as its API documents it: title and status required,
 * deduplication_key tying every event of one episode to one alert, a Markdown description, free-form metadata the
 * source's attributes can parse, and a link back to Heartbeat.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentIoAlertEvent(
    String title,
    String description,
    @JsonProperty("deduplication_key") String deduplicationKey,
    String status,
    Map<String, Object> metadata,
    @JsonProperty("source_url") String sourceUrl) {
}
