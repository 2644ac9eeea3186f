package io.heartbeat.cockpit.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.cockpit.client.PassThrough;
import io.heartbeat.cockpit.client.PassThrough.Owner;
import io.heartbeat.cockpit.model.MetricView;
import io.heartbeat.cockpit.model.Movers;
import io.heartbeat.cockpit.model.Problem;
import io.heartbeat.cockpit.model.SeriesView;
import io.heartbeat.cockpit.service.MetricService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** One metric: its contract, its series with band for charts, its top movers, and operator edits passed through. */
@Path("/api/metrics/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricResource {

  static final int DEFAULT_POINTS = 600;
  static final Duration DEFAULT_RANGE = Duration.ofHours(6);

  private final MetricService metrics;
  private final Representations representations;
  private final PassThrough passThrough;

  public MetricResource(MetricService metrics, Representations representations, PassThrough passThrough) {
    this.metrics = metrics;
    this.representations = representations;
    this.passThrough = passThrough;
  }

  @GET
  @Operation(summary = "Definition, the six contract components, stage, owner, how_to_read, methodology, sources, audit"
      + " link and the current tile")
  @APIResponse(responseCode = "200", description = "The metric",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricView.class)))
  @APIResponse(responseCode = "404", description = "No such metric",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> metric(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return metrics.metric(id).map(view -> representations.json(view, ifNoneMatch));
  }

  @GET
  @Path("/series")
  @Operation(summary = "Values with band and thresholds over [from, to) (default: the last 6 hours), of the total or"
      + " of one slice (dimension=customer=acme), downsampled to at most `points` points (default 600) keeping each"
      + " bucket's min and max; with the series' alert episodes and the deploys of the metric's linked services")
  @APIResponse(responseCode = "200", description = "The series",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesView.class),
          examples = @ExampleObject(name = "a drop", value = """
              {"metricId": "web_messenger_parts", "dimension": null, "from": "2026-12-06T08:00:00Z",
               "to": "2026-12-06T14:00:00Z", "period": "1m", "windowsPerPoint": 1, "normValue": 20.0,
               "alertValue": 5.0, "direction": "higher_is_better", "unit": "parts",
               "points": [{"t": "2026-12-06T13:58:00Z", "v": 4.0, "min": 4.0, "max": 4.0, "s": "anomalous",
                 "exp": 41.2, "lo": 30.5, "hi": 52.0, "out": true}],
               "episodes": [{"dedupKey": "9f2c...", "start": "2026-12-06T13:56:00Z", "end": null, "status": "anomalous"}],
               "deploys": [{"service": "messenger-api", "version": "1.4.2", "finishedAt": "2026-12-06T13:55:10Z",
                 "commit": "3f9c2ab", "author": "ci"}]}
              """)))
  @APIResponse(responseCode = "400", description = "A query parameter is unreadable",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> series(@PathParam("id") String id, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("points") String points, @QueryParam("dimension") String dimension,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Instant end = MetricService.parse("to", to, Instant.now());
    Instant start = MetricService.parse("from", from, end.minus(DEFAULT_RANGE));
    MetricService.ordered("query parameter", start, end);
    int maxPoints = points(points);
    String slice = MetricService.slice("query parameter 'dimension'", dimension);
    return metrics.series(id, slice, start, end, maxPoints).map(view -> representations.json(view, ifNoneMatch));
  }

  @GET
  @Path("/dimensions")
  @Operation(summary = "Top movers at a window (default: the latest judged): every customer, region or platform slice"
      + " against its own expected value, the biggest loss first")
  @APIResponse(responseCode = "200", description = "The movers",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Movers.class)))
  public Uni<Response> dimensions(@PathParam("id") String id, @QueryParam("at") String at,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return metrics.movers(id, MetricService.parse("at", at, null)).map(view -> representations.json(view, ifNoneMatch));
  }

  @GET
  @Path("/audit")
  @Operation(summary = "The metric's audit history, from registry-service (passed through with the caller's token)")
  public Uni<Response> audit(@PathParam("id") String id, @QueryParam("limit") String limit,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    String query = limit == null ? "" : "?limit=" + points(limit);
    return passThrough.send(Owner.REGISTRY, HttpMethod.GET, "/api/metrics/" + encode(id) + "/audit" + query,
        authorization, null, null, null);
  }

  @GET
  @Path("/edit")
  @Operation(summary = "The editable definition from registry-service, with the ETag to send back as If-Match")
  public Uni<Response> editable(@PathParam("id") String id,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return passThrough.send(Owner.REGISTRY, HttpMethod.GET, "/api/metrics/" + encode(id), authorization, null, null,
        null);
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Operator edit (norm, alert, target, due date, benchmark, owner, with a reason), passed through"
      + " to registry-service with the caller's token and If-Match; its answer, field errors included, comes back"
      + " as it gave it")
  public Uni<Response> edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
    return passThrough.send(Owner.REGISTRY, HttpMethod.PATCH, "/api/metrics/" + encode(id), authorization, ifMatch,
        MediaType.APPLICATION_JSON, body);
  }

  @POST
  @Path("/stage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Lifecycle stage move ({stage, reason}), passed through to registry-service like an edit")
  public Uni<Response> moveStage(@PathParam("id") String id,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      byte[] body) {
    return passThrough.send(Owner.REGISTRY, HttpMethod.POST, "/api/metrics/" + encode(id) + "/stage", authorization,
        ifMatch, MediaType.APPLICATION_JSON, body);
  }

  private static int points(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_POINTS;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 10 || n > 5000) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException("query parameter 'points' must be a whole number from 10 to 5000, got '" + text
          + "'");
    }
  }

  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
