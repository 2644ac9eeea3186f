package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails the way a bug would, to prove a 500 leaks nothing. */
@Path("/test/failure")
public class FailingResource {

  @GET
  public String fail() {
    throw new IllegalStateException("secret internals: password=hunter2");
  }
}
