package io.heartbeat.cockpit.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The anomaly band alert-service computed for a window before it learned the value: expected and its range. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Anomaly band of the window (computed before its value was learned); null while it warms up")
public record Band(
    @Schema(description = "Value the band expected for the window", required = true) double expected,
    @Schema(description = "Lower edge: below it the value is outside the band", required = true) double lower,
    @Schema(description = "Upper edge: above it the value is outside the band", required = true) double upper) {

  /** The band read from three nullable columns; null unless all three are there. */
  public static Band of(Double expected, Double lower, Double upper) {
    return expected == null || lower == null || upper == null ? null : new Band(expected, lower, upper);
  }
}
