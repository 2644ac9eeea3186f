package io.heartbeat.compute.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.compute.backfill.BackfillService;
import io.heartbeat.compute.model.BackfillProgress;
import io.heartbeat.compute.model.BackfillRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Operators ask for a metric's historical windows (the {@code backfilled} stage) and follow the job. */
@Path("/api/backfill")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "backfill")
public class BackfillResource {

  private final BackfillService backfills;
  private final SecurityIdentity identity;

  public BackfillResource(BackfillService backfills, SecurityIdentity identity) {
    this.backfills = backfills;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Compute a metric's windows inside [from, to) at a bounded rate; 202 with the job")
  public Uni<Response> request(BackfillRequest body, @Context UriInfo uri) {
    if (body == null) {
      throw new BadRequestException("a JSON body {metric_id, from, to} is required");
    }
    return backfills.request(body, identity.getPrincipal().getName()).map(job -> Response.accepted(job)
        .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
        .build());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Progress of a backfill: done, total, rate and ETA")
  public Uni<BackfillProgress> progress(@PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("backfill " + id + " is unknown");
    }
    return backfills.progress(uuid).map(found -> found.orElseThrow(
        () -> new NotFoundException("backfill " + id + " is unknown")));
  }
}
