package io.heartbeat.alert.notify.channel.pagerduty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An alert event of PagerDuty's Events API v2 (PD-CEF), field for field as the API documents it. Absent optional
 * fields are left out rather than sent as null. Holds the routing key, so it has no readable toString.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PagerDutyEvent(
    @JsonProperty("routing_key") String routingKey,
    @JsonProperty("event_action") String eventAction,
    @JsonProperty("dedup_key") String dedupKey,
    Payload payload,
    String client,
    @JsonProperty("client_url") String clientUrl,
    List<Link> links,
    List<Image> images) {

  /** The alert's facts. summary, source and severity are required for a trigger. */
  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Payload(
      String summary,
      String source,
      String severity,
      Instant timestamp,
      String component,
      String group,
      @JsonProperty("class") String eventClass,
      @JsonProperty("custom_details") Map<String, Object> customDetails) {
  }

  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Link(String href, String text) {
  }

  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Image(String src, String href, String alt) {
  }

  @Override
  public String toString() {
    return "PagerDutyEvent[" + eventAction + " dedup_key=" + dedupKey + "]";
  }
}
