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

import io.heartbeat.cockpit.client.PassThrough;
import io.heartbeat.cockpit.client.PassThrough.Owner;
import io.heartbeat.cockpit.repository.MetricRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Every SLA a metric belongs to (core-platform, fin, ...), with this month's availability, downtime, unmeasured time,
 * incidents and error budget left. The ledger is alert-service's (it counts red minutes to the second, as they pass),
 * so each report is read from it; an SLA whose report cannot be read is listed with the reason, not left out.
 */
@Path("/api/slas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "slas")
public class SlaResource {

  private final MetricRepository metrics;
  private final PassThrough passThrough;

  public SlaResource(MetricRepository metrics, PassThrough passThrough) {
    this.metrics = metrics;
    this.passThrough = passThrough;
  }

  @GET
  @Operation(summary = "Each SLA's member metrics and this month's report from alert-service's ledger: targetPercent,"
      + " availabilityPercent, downtimeMinutes, unmeasuredMinutes, incidents, errorBudget; `error` instead when the"
      + " ledger could not be read")
  public Uni<List<Map<String, Object>>> slas(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return metrics.slaMembers().chain(slas -> Multi.createFrom().iterable(slas.entrySet())
        .onItem().transformToUniAndConcatenate(sla -> passThrough.call(Owner.ALERT, HttpMethod.GET,
                "/api/slas/" + sla.getKey(), authorization, null, null, null)
            .map(answer -> {
              JsonObject report = answer.statusCode() == 200 ? answer.bodyAsJsonObject()
                  : new JsonObject().put("sla", sla.getKey()).put("error", "alert-service answered "
                      + answer.statusCode());
              return report.put("sla", sla.getKey()).put("metrics", sla.getValue()).getMap();
            })
            .onFailure().recoverWithItem(failure -> new JsonObject().put("sla", sla.getKey())
                .put("metrics", sla.getValue())
                .put("error", "alert-service did not answer (" + failure.getClass().getSimpleName() + ")").getMap()))
        .collect().asList());
  }
}
