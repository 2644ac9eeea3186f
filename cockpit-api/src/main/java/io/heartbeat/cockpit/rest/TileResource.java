package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

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
  @Operation(summary = "Every metric's tile, worst status first (error, stale, red, amber, anomalous, unknown, green),"
      + " then by code: the six contract components, status (aged by the cockpit's clock, with staleReason), code"
      + " chip, sparkline points with band, change versus the previous window, target progress, warm-up progress and"
      + " the open episode. Send the ETag back in If-None-Match to get 304 while nothing changed.")
  @APIResponse(responseCode = "200", description = "Every tile",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = Tile.class),
          examples = @ExampleObject(name = "one tile", value = TILE_EXAMPLE)))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
  public Uni<Response> list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
    return service.snapshot().map(s -> {
      if (!gzipAccepted(acceptEncoding)) {
        return Response.fromResponse(Representations.bytes(s.json(), s.etag(), ifNoneMatch))
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
      }
      // The snapshot's own gzip copy: a wall of screens costs no compression per request.
      Response answer = Representations.bytes(s.gzip(), s.gzipEtag(), ifNoneMatch);
      Response.ResponseBuilder builder = Response.fromResponse(answer).header(HttpHeaders.VARY,
          HttpHeaders.ACCEPT_ENCODING);
      return answer.getStatus() == 200 ? builder.header(HttpHeaders.CONTENT_ENCODING, "gzip").build()
          : builder.build();
    });
  }

  static boolean gzipAccepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      if (parts[0].trim().equalsIgnoreCase("gzip")) {
        return parts.length < 2 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
      }
    }
    return false;
  }

  static final String TILE_EXAMPLE = """
      [{"metricId": "web_messenger_parts", "code": "WMSG", "name": "Web Messenger parts", "unit": "parts",
        "period": "1m", "direction": "higher_is_better", "status": "anomalous", "value": 4.0,
        "rule": "below the band for 3 of the last 5 windows", "band": {"expected": 41.2, "lower": 30.5, "upper": 52.0},
        "learning": null, "windowStart": "2026-12-06T14:03:00Z", "windowEnd": "2026-12-06T14:04:00Z",
        "evaluatedAt": "2026-12-06T14:04:03.512Z", "normValue": 20.0, "alertValue": 5.0, "targetValue": 60.0,
        "targetDueDate": "2027-03-31", "stage": "paging", "howToRead": "Parts created per minute in Web Messenger.",
        "staleReason": null, "change": {"previous": 39.0, "delta": -35.0, "percent": -89.7},
        "targetProgress": {"target": 60.0, "dueDate": "2027-03-31", "percent": 6.7},
        "sparkline": [{"t": "2026-12-06T14:03:00Z", "v": 4.0, "s": "anomalous", "lo": 30.5, "hi": 52.0, "exp": 41.2}],
        "alert": {"dedupKey": "9f2c...", "state": "firing", "status": "anomalous", "since": "2026-12-06T14:01:00Z"}}]
      """;

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
