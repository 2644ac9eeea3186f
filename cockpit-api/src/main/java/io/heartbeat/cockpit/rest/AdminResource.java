package io.heartbeat.cockpit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.cockpit.service.Rebuild;
import io.smallrye.mutiny.Uni;

/** Operations on the cockpit's own read model, for admins. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

  private final Rebuild rebuild;

  public AdminResource(Rebuild rebuild) {
    this.rebuild = rebuild;
  }

  @POST
  @Path("/rebuild")
  @RolesAllowed("admin")
  @Operation(summary = "Drops the read model and reads every topic again from the beginning (202: it fills in while"
      + " the topics replay); needs a token of role admin")
  public Uni<Response> rebuild() {
    return rebuild.start().map(started -> Response.accepted(started).build());
  }
}
