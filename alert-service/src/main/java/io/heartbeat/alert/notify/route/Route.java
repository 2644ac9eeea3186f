package io.heartbeat.alert.notify.route;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One routing rule: a step its match holds for goes to these receivers. Every matching route adds its own. */
public record Route(Match match, @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    List<String> receivers) {

  public Route {
    match = match == null ? Match.ANY : match;
    if (receivers == null || receivers.isEmpty()) {
      throw new IllegalArgumentException("receivers: a route names at least one receiver");
    }
    receivers = List.copyOf(receivers);
  }
}
