package io.heartbeat.cockpit.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.cockpit.model.Problem;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.model.TileDetail;
import io.heartbeat.cockpit.service.TileService;
import io.smallrye.mutiny.Uni;

/** The cockpit's tiles over HTTP, for the web page and for programs. */
@Path("/api/tiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tiles")
public class TileResource {

  private final TileService service;

  public TileResource(TileService service) {
    this.service = service;
  }

  @GET
  @Operation(summary = "Every metric's tile, worst status first (error, stale, red, amber, anomalous, unknown, green), then by code")
  public Uni<List<Tile>> list() {
    return service.tiles();
  }

  @GET
  @Path("/{metricId}")
  @Operation(summary = "One metric's tile and its recent metric-level series points, oldest first")
  @APIResponse(responseCode = "200", description = "The tile and its series",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TileDetail.class)))
  @APIResponse(responseCode = "404", description = "No such metric in the registry",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<TileDetail> get(@PathParam("metricId") String metricId) {
    return service.tile(metricId).map(found -> found.orElseThrow(
        () -> new NotFoundException("No metric with id " + metricId + " in the registry")));
  }
}
