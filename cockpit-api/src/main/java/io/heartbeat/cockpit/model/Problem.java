package io.heartbeat.cockpit.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body (application/problem+json). */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
