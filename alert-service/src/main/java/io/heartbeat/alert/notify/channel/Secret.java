package io.heartbeat.alert.notify.channel;

import java.util.Objects;

/**
 * A credential from the environment (a routing key, a bearer token, a Slack webhook URL, which is itself the
 * credential). The record exists so that a secret has no readable {@link #toString()}: settings, requests and log
 * lines that print one show a mask, never the value.
 */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "secret");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  @Override
  public String toString() {
    return "****";
  }
}
