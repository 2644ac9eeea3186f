package io.heartbeat.alert.notify.route;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.heartbeat.alert.notify.channel.ChannelKind;

/**
 * One receiver as the routes file declares it. Credentials are never written here, only the names of the
 * environment variables that hold them, so the file can be reviewed and versioned like code.
 *
 * @param url the endpoint, for kinds whose URL is no secret (webhook, incident.io, a PagerDuty region)
 * @param urlEnv the variable holding the URL when the URL is the credential (a Slack incoming webhook)
 * @param secretEnv the variables holding the secret: a PagerDuty routing key, an incident.io token, or one or two
 *     (rotation) whsec_ webhook secrets
 * @param timeout one attempt's limit, e.g. "5s" or "500ms"; the channel's documented default when absent
 */
public record ReceiverSpec(
    String name,
    String kind,
    String url,
    @JsonProperty("url_env") String urlEnv,
    @JsonProperty("secret_env") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    List<String> secretEnv,
    String timeout) {

  /** An environment variable's name; anything else (a pasted secret or URL) is refused. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  public ReceiverSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: a receiver needs a name");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind: receiver " + name + " needs a kind (pagerduty, incidentio, slack"
          + " or webhook)");
    }
    try {
      ChannelKind.fromWire(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind: receiver " + name + " has unknown kind " + kind
          + " (pagerduty, incidentio, slack or webhook)");
    }
    secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
    if (urlEnv != null && !ENV_NAME.matcher(urlEnv).matches()) {
      throw new IllegalArgumentException("url_env: receiver " + name + " names an environment variable here"
          + " (A-Z, 0-9, _), never the URL itself");
    }
    for (String env : secretEnv) {
      if (env == null || !ENV_NAME.matcher(env).matches()) {
        // Never echo the value: it may be the secret pasted by mistake.
        throw new IllegalArgumentException("secret_env: receiver " + name + " names environment variables here"
            + " (A-Z, 0-9, _), never the secret itself");
      }
    }
  }

  public ChannelKind channelKind() {
    return ChannelKind.fromWire(kind);
  }
}
