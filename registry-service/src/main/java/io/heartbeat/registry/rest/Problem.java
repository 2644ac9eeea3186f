package io.heartbeat.registry.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail. Two extension members: `field` names the request field at fault when there is one, and
 * `errors` lists every field problem of a 422, one entry per field, so a client fixes them all in one round trip.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field of the request and what is wrong with it. */
  @RegisterForReflection
  public record FieldError(String field, String message) {
  }
}
