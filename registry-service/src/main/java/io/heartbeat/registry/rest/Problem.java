package io.heartbeat.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem detail; `field` (an extension member) names the request field at fault when there is one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
