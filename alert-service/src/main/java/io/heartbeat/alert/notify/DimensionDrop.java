package io.heartbeat.alert.notify;

import java.util.Objects;

import io.heartbeat.alert.model.Dimension;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One slice of the metric (a customer, region, platform) against its own expected value: the slices that dropped
 * most tell whether one customer or the whole platform is hurt.
 *
 * @param changePercent (value - expected) / expected in percent, negative for a drop; null without an expectation
 */
@RegisterForReflection
public record DimensionDrop(Dimension dimension, Double value, Double expected, Double changePercent) {

  public DimensionDrop {
    Objects.requireNonNull(dimension, "dimension");
  }
}
