package io.heartbeat.alert.notify.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.heartbeat.alert.lifecycle.Stage;

/**
 * The routes file, version 1: the receivers, the routes to them, which lifecycle stages may page a human
 * ({@code page_stages}, default [paging]) and the incident commander's receiver, added for every red step of a metric
 * that counts against an SLA. Checked whole when read, so a wrong file stops the service at start, not at 3 a.m.
 */
public record Routes(
    Integer version,
    @JsonProperty("page_stages") List<String> pageStages,
    @JsonProperty("incident_commander") String incidentCommander,
    List<ReceiverSpec> receivers,
    List<Route> routes) {

  public static final int VERSION = 1;
  public static final Routes NONE = new Routes(VERSION, null, null, null, null);

  public Routes {
    if (version == null || version != VERSION) {
      throw new IllegalArgumentException("version: this alert-service reads routes files of version " + VERSION
          + ", not " + version);
    }
    pageStages = pageStages == null ? List.of(Stage.PAGING.wire()) : List.copyOf(pageStages);
    for (String stage : pageStages) {
      if (!Stage.known(stage)) {
        throw new IllegalArgumentException("page_stages: unknown stage " + stage);
      }
      if (!Stage.fromWire(stage).notifiesChannels()) {
        throw new IllegalArgumentException("page_stages: stage " + stage + " opens no episodes, so it cannot page");
      }
    }
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    routes = routes == null ? List.of() : List.copyOf(routes);
    Map<String, ReceiverSpec> byName = new LinkedHashMap<>();
    for (int i = 0; i < receivers.size(); i++) {
      if (byName.put(receivers.get(i).name(), receivers.get(i)) != null) {
        throw new IllegalArgumentException("receivers[" + i + "].name: receiver " + receivers.get(i).name()
            + " is declared twice");
      }
    }
    for (int i = 0; i < routes.size(); i++) {
      for (String name : routes.get(i).receivers()) {
        if (!byName.containsKey(name)) {
          throw new IllegalArgumentException("routes[" + i + "].receivers: unknown receiver " + name);
        }
      }
    }
    if (incidentCommander != null && !byName.containsKey(incidentCommander)) {
      throw new IllegalArgumentException("incident_commander: unknown receiver " + incidentCommander);
    }
  }

  public boolean pages(String stage) {
    return pageStages.contains(stage);
  }
}
