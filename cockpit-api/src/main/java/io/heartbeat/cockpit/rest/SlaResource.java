package io.heartbeat.cockpit.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.heartbeat.cockpit.service.SlaService;
import io.smallrye.mutiny.Uni;

/** Every SLA with this month's report from alert-service's ledger (see SlaService). */
@Path("/api/slas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "slas")
public class SlaResource {

  private final SlaService slas;

  public SlaResource(SlaService slas) {
    this.slas = slas;
  }

  @GET
  @Operation(summary = "Each SLA's member metrics and this month's report from alert-service's ledger: targetPercent,"
      + " availabilityPercent, downtimeMinutes, unmeasuredMinutes, incidents, errorBudget; `error` instead when the"
      + " ledger could not be read")
  public Uni<List<Map<String, Object>>> slas(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return slas.reports(authorization);
  }
}
