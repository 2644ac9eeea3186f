package io.heartbeat.compute.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A heartbeat.observations event (docs/events/observation.v1.json). {@code count} is value_sql's count column (null
 * without one); {@code filled} is true on a remembered dimension value value_sql returned no row for, else absent.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ObservationEvent(
    int schemaVersion,
    String id,
    String metricId,
    String definitionVersion,
    String period,
    Instant windowStart,
    Instant windowEnd,
    Instant computedAt,
    Status status,
    BigDecimal value,
    Dimension dimension,
    ObservationError error,
    BigDecimal count,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean filled) {

  public static final int SCHEMA_VERSION = 1;

  /** sha256(metricId|definitionVersion|windowStart|kind=value or *): recomputing a window yields the same id. */
  public static String idOf(String metricId, String definitionVersion, Instant windowStart, Dimension dimension) {
    return sha256(metricId + "|" + definitionVersion + "|" + windowStart + "|"
        + (dimension == null ? "*" : dimension.key()));
  }

  /** Not a bean getter ("isFilled" would be serialized as filled=false on every observation). */
  public boolean zeroFilled() {
    return Boolean.TRUE.equals(filled);
  }

  /** Lower-case hex SHA-256 of the UTF-8 text: the deterministic ids of the events. */
  public static String sha256(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
