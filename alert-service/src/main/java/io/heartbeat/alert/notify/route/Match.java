package io.heartbeat.alert.notify.route;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Severity;

/**
 * What a route matches: each listed field must hold (an SLA the metric counts against, the metric id, its owning
 * team, the step's severity); a field left out matches anything, so an empty match is a catch-all.
 */
public record Match(
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> sla,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> metric,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> team,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> severity) {

  public static final Match ANY = new Match(null, null, null, null);

  public Match {
    sla = sla == null ? List.of() : List.copyOf(sla);
    metric = metric == null ? List.of() : List.copyOf(metric);
    team = team == null ? List.of() : List.copyOf(team);
    severity = severity == null ? List.of() : List.copyOf(severity);
    for (String wire : severity) {
      try {
        Severity.fromWire(wire);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("severity: unknown severity " + wire
            + " (error, stale, red, amber or anomalous)");
      }
    }
  }

  public boolean matches(Notification notification) {
    var heartbeat = notification.heartbeat();
    return (sla.isEmpty() || heartbeat.slas().stream().anyMatch(Set.copyOf(sla)::contains))
        && (metric.isEmpty() || metric.contains(heartbeat.metricId()))
        && (team.isEmpty() || team.contains(heartbeat.owner()))
        && (severity.isEmpty() || severity.contains(notification.severity().wire()));
  }
}
