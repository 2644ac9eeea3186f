package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.cockpit.model.AlertView;
import io.heartbeat.cockpit.model.Problem;
import io.heartbeat.cockpit.service.AlertService;
import io.smallrye.mutiny.Uni;

/** Alert episodes with their pages, deliveries, rollback and suggested actions. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class AlertResource {

  private final AlertService alerts;
  private final Representations representations;

  public AlertResource(AlertService alerts, Representations representations) {
    this.alerts = alerts;
    this.representations = representations;
  }

  @GET
  @Operation(summary = "Alert episodes, newest first: state=firing, resolved or all (default); limit 1..200 (default"
      + " 50); pass nextCursor as cursor for the next page")
  @APIResponse(responseCode = "200", description = "{items: [AlertView], nextCursor}")
  @APIResponse(responseCode = "400", description = "A query parameter is unreadable",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String filter = state == null || state.isBlank() || state.equals("all") ? null : state;
    return alerts.page(filter, cursor, limit(limit)).map(page -> representations.json(page, ifNoneMatch));
  }

  @GET
  @Path("/{key}")
  @Operation(summary = "One alert episode by its dedup key")
  @APIResponse(responseCode = "200", description = "The episode",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
  @APIResponse(responseCode = "404", description = "No such episode",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> one(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return alerts.one(key).map(view -> representations.json(view, ifNoneMatch));
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return 50;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 1 || n > 200) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException("query parameter 'limit' must be a whole number from 1 to 200, got '" + text + "'");
    }
  }
}
