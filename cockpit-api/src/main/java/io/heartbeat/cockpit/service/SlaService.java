package io.heartbeat.cockpit.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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
 * so each report is read from it with the caller's token; an SLA whose report cannot be read is listed with the
 * reason, not left out. GET /api/slas and the MCP tool sla_report both answer from here.
 */
@ApplicationScoped
public class SlaService {

  private final MetricRepository metrics;
  private final PassThrough passThrough;

  public SlaService(MetricRepository metrics, PassThrough passThrough) {
    this.metrics = metrics;
    this.passThrough = passThrough;
  }

  /** One report per SLA, by name, each with its member metrics; authorization is the caller's header (or null). */
  public Uni<List<Map<String, Object>>> reports(String authorization) {
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
