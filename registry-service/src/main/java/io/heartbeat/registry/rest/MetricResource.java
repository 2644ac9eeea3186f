package io.heartbeat.registry.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.registry.model.AuditEntry;
import io.heartbeat.registry.model.MetricDefinitionEvent;
import io.heartbeat.registry.repository.AuditRepository;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.repository.RegistryRow;
import io.heartbeat.registry.service.EditRejected;
import io.heartbeat.registry.service.Lifecycle;
import io.heartbeat.registry.service.OperatorEdits;
import io.heartbeat.registry.service.RegistryEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Metrics as consumers see them, operator edits of thresholds and ownership, lifecycle moves, and their audit trail. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

  /** A lifecycle move request. */
  public record StageMove(String stage, String reason) {
  }

  private final MetricRegistryRepository repository;
  private final OperatorEdits edits;
  private final AuditRepository audit;
  private final RegistryEvents events;
  private final JsonWebToken jwt;

  public MetricResource(MetricRegistryRepository repository, OperatorEdits edits, AuditRepository audit,
      RegistryEvents events, JsonWebToken jwt) {
    this.repository = repository;
    this.edits = edits;
    this.audit = audit;
    this.events = events;
    this.jwt = jwt;
  }

  @GET
  public Uni<List<MetricDefinitionEvent>> metrics() {
    return repository.findAll().map(rows -> rows.stream().filter(r -> !r.state().equals("removed"))
        .map(events::toEvent).toList());
  }

  @GET
  @Path("/{id}")
  public Uni<Response> metric(@PathParam("id") String id) {
    return repository.find(id).map(row -> {
      if (row == null || row.state().equals("removed")) {
        throw new NotFoundException("no metric '" + id + "' in the registry");
      }
      // The ETag is the row version an operator edit must send back in If-Match.
      return Response.ok(events.toEvent(row)).tag(String.valueOf(row.rowVersion())).build();
    });
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"operator", "admin"})
  @Blocking
  public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
      Map<String, JsonNode> body) {
    if (body == null || body.isEmpty()) {
      throw new EditRejected(422, "body", "empty body: expected fields to change and a reason");
    }
    RegistryRow row = edits.edit(id, version(ifMatch), body, jwt.getName());
    return Response.ok(events.toEvent(row)).tag(String.valueOf(row.rowVersion())).build();
  }

  @POST
  @Path("/{id}/stage")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"operator", "admin"})
  @Blocking
  public Response moveStage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, StageMove move) {
    if (move == null) {
      throw new EditRejected(422, "body", "empty body: expected {\"stage\": ..., \"reason\": ...}");
    }
    Lifecycle.Role role = jwt.getGroups().contains("admin") ? Lifecycle.Role.ADMIN : Lifecycle.Role.OPERATOR;
    RegistryRow row = edits.moveStage(id, version(ifMatch), move.stage(), role, jwt.getName(), move.reason());
    return Response.ok(events.toEvent(row)).tag(String.valueOf(row.rowVersion())).build();
  }

  @GET
  @Path("/{id}/audit")
  public Uni<List<AuditEntry>> audit(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.forMetric(id, Math.max(1, Math.min(limit, 1000)));
  }

  private static long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new EditRejected(428, "If-Match", "missing If-Match: expected the ETag of GET /api/metrics/{id}");
    }
    String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new EditRejected(412, "If-Match", "'" + ifMatch + "': expected the ETag of GET /api/metrics/{id}");
    }
  }
}
