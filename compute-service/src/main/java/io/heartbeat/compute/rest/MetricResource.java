package io.heartbeat.compute.rest;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.compute.model.MetricView;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.service.MetricOverview;
import io.smallrye.mutiny.Uni;

/** Operator view of the schedule: what is computed, and what was. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricResource {

  private static final int MAX_LIMIT = 500;

  private final MetricOverview overview;

  public MetricResource(MetricOverview overview) {
    this.overview = overview;
  }

  @GET
  @Operation(summary = "Metrics in force, each with its next due window")
  public Uni<List<MetricView>> metrics() {
    return overview.inForce();
  }

  @GET
  @Path("/{id}/windows")
  @Operation(summary = "Recent computed windows of a metric, newest first")
  public Uni<List<WindowRun>> windows(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    return overview.recentWindows(id, limit).map(found -> found.orElseThrow(
        () -> new NotFoundException("metric " + id + " is not in force")));
  }
}
