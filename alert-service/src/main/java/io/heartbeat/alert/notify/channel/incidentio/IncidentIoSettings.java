package io.heartbeat.alert.notify.channel.incidentio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Secret;

/**
 * One incident.io HTTP alert source.
 *
 * @param name the channel's name in routing and in the delivery log, e.g. "incidentio-commander"
 * @param alertSourceUrl the URL incident.io shows for the source,
 *     https://api.incident.io/v2/alert_events/http/{alert_source_config_id}
 * @param token the source's bearer token, from the environment
 * @param timeout how long one attempt may take
 */
public record IncidentIoSettings(String name, URI alertSourceUrl, Secret token, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public IncidentIoSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alertSourceUrl, "alert source URL of incident.io channel " + name);
    Objects.requireNonNull(token, "token of incident.io channel " + name);
    if (!alertSourceUrl.isAbsolute() || alertSourceUrl.getHost() == null) {
      throw new IllegalArgumentException("incident.io channel " + name + ": the alert source URL must be absolute");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public IncidentIoSettings(String name, URI alertSourceUrl, Secret token) {
    this(name, alertSourceUrl, token, null);
  }

  /** The source URL may carry its token as a query parameter (incident.io allows it), so only its origin shows. */
  @Override
  public String toString() {
    return "IncidentIoSettings[name=" + name + ", alertSourceUrl=" + ChannelRequest.origin(alertSourceUrl)
        + ", token=" + token + ", timeout=" + timeout + "]";
  }
}
