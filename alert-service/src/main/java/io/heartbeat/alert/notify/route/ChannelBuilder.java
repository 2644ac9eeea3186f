package io.heartbeat.alert.notify.route;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.Secret;
import io.heartbeat.alert.notify.channel.incidentio.IncidentIoChannel;
import io.heartbeat.alert.notify.channel.incidentio.IncidentIoSettings;
import io.heartbeat.alert.notify.channel.pagerduty.PagerDutyChannel;
import io.heartbeat.alert.notify.channel.pagerduty.PagerDutySettings;
import io.heartbeat.alert.notify.channel.slack.SlackChannel;
import io.heartbeat.alert.notify.channel.slack.SlackSettings;
import io.heartbeat.alert.notify.channel.webhook.WebhookChannel;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.heartbeat.alert.notify.channel.webhook.WebhookSettings;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Turns the file's receivers into channels, reading each named secret from the environment. A variable that is
 * unset, or a secret of the wrong form, is an error naming the receiver and the variable, never the value.
 */
public final class ChannelBuilder {

  private final Function<String, Optional<String>> environment;

  /** environment looks a variable up by name (the service passes its configuration, which reads the OS env). */
  public ChannelBuilder(Function<String, Optional<String>> environment) {
    this.environment = environment;
  }

  public Map<String, Channel> build(Routes routes) {
    Map<String, Channel> channels = new LinkedHashMap<>();
    for (int i = 0; i < routes.receivers().size(); i++) {
      ReceiverSpec spec = routes.receivers().get(i);
      try {
        channels.put(spec.name(), channel(spec));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("receivers[" + i + "]: " + e.getMessage(), e);
      }
    }
    return channels;
  }

  private Channel channel(ReceiverSpec spec) {
    Duration timeout = spec.timeout() == null ? null : DurationConverter.parseDuration(spec.timeout());
    return switch (spec.channelKind()) {
      case SLACK -> new SlackChannel(new SlackSettings(spec.name(), Secret.of(env(spec, "url_env", spec.urlEnv())),
          timeout));
      case WEBHOOK -> new WebhookChannel(new WebhookSettings(spec.name(), uri(spec), secrets(spec).stream()
          .map(WebhookSecret::parse).toList(), timeout));
      case PAGERDUTY -> new PagerDutyChannel(new PagerDutySettings(spec.name(), Secret.of(single(spec)),
          spec.url() == null && spec.urlEnv() == null ? null : uri(spec), timeout));
      case INCIDENTIO -> new IncidentIoChannel(new IncidentIoSettings(spec.name(), uri(spec), Secret.of(single(spec)),
          timeout));
    };
  }

  private URI uri(ReceiverSpec spec) {
    String url = spec.urlEnv() != null ? env(spec, "url_env", spec.urlEnv()) : spec.url();
    if (url == null) {
      throw new IllegalArgumentException("url: receiver " + spec.name() + " needs url or url_env");
    }
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url: receiver " + spec.name() + " has no valid URL");
    }
  }

  private String single(ReceiverSpec spec) {
    List<String> secrets = secrets(spec);
    if (secrets.size() != 1) {
      throw new IllegalArgumentException("secret_env: receiver " + spec.name() + " takes exactly one secret");
    }
    return secrets.get(0);
  }

  private List<String> secrets(ReceiverSpec spec) {
    if (spec.secretEnv().isEmpty()) {
      throw new IllegalArgumentException("secret_env: receiver " + spec.name() + " needs its secret's variable");
    }
    return spec.secretEnv().stream().map(name -> env(spec, "secret_env", name)).toList();
  }

  private String env(ReceiverSpec spec, String field, String name) {
    if (name == null) {
      throw new IllegalArgumentException(field + ": receiver " + spec.name() + " needs " + field);
    }
    return environment.apply(name).filter(value -> !value.isBlank()).orElseThrow(() ->
        new IllegalArgumentException(field + ": receiver " + spec.name() + ": environment variable " + name
            + " is not set"));
  }
}
