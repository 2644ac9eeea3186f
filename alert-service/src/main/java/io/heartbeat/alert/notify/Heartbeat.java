package io.heartbeat.alert.notify;

import java.util.List;
import java.util.Objects;

import io.heartbeat.alert.model.Dimension;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The heartbeat metric a notification is about, with what its definition file says a responder needs: the name
 * and 4-char code people say aloud, how to read the number, the runbook, who owns it, which SLAs its red time
 * counts against and which services a drop may be blamed on. {@code dimension} is null for the metric total and
 * set when one slice (a customer, region or platform) fired on its own.
 *
 * @param direction higher_is_better or lower_is_better: which side of a threshold is bad
 * @param stage the lifecycle stage when the step happened (who may be paged depends on it)
 */
@RegisterForReflection
public record Heartbeat(
    String metricId,
    String name,
    String code,
    String unit,
    String direction,
    String howToRead,
    String runbookUrl,
    String owner,
    String stage,
    List<String> slas,
    List<String> linkedServices,
    Dimension dimension) {

  public Heartbeat {
    Objects.requireNonNull(metricId, "metricId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    slas = slas == null ? List.of() : List.copyOf(slas);
    linkedServices = linkedServices == null ? List.of() : List.copyOf(linkedServices);
  }

  /** "total" for the metric as a whole, "customer=acme" for one slice: how pages name the series. */
  public String series() {
    return dimension == null ? "total" : dimension.kind() + "=" + dimension.value();
  }
}
