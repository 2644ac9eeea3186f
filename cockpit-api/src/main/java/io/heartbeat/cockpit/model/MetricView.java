package io.heartbeat.cockpit.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One metric for people and programs: its definition, the six contract components, its stage and its tile. */
@RegisterForReflection
@Schema(description = "A metric's definition and contract as the registry last published it, with its current tile")
public record MetricView(
    @Schema(required = true) String metricId,
    @Schema(required = true) String code,
    @Schema(required = true) String name,
    @Schema(required = true) String unit,
    @Schema(required = true, example = "1m") String period,
    @Schema(nullable = true) Integer periodSeconds,
    @Schema(required = true, enumeration = {"higher_is_better", "lower_is_better"}) String direction,
    @Schema(required = true, description = "Lifecycle stage: only verified and paging may roll back, only paging pages")
    String stage,
    @Schema(nullable = true) String owner,
    @Schema(nullable = true) String verificationState,
    @Schema(nullable = true) String howToRead,
    @Schema(nullable = true) String methodology,
    @Schema(nullable = true) List<String> sources,
    @Schema(nullable = true) String runbook,
    @Schema(nullable = true) List<String> slas,
    @Schema(nullable = true) List<String> linkedServices,
    @Schema(nullable = true, enumeration = {"customer", "region", "platform"}) String dimension,
    @Schema(nullable = true, description = "amber: the owner's commitment") Double normValue,
    @Schema(nullable = true, description = "red: SLA, regulatory cap, capacity ceiling") Double alertValue,
    @Schema(nullable = true, description = "OKR stretch, display only") Double targetValue,
    @Schema(nullable = true) LocalDate targetDueDate,
    @Schema(nullable = true) Double benchmarkMean,
    @Schema(nullable = true) Double benchmarkStddev,
    @Schema(nullable = true) MetricDefinition.Anomaly anomaly,
    @Schema(required = true, description = "Version of the definition in force") String version,
    @Schema(required = true, example = "/api/metrics/web_messenger_parts/audit") String auditUrl,
    @Schema(required = true) Tile tile) {

  public static MetricView of(String metricId, String version, MetricDefinition d, Tile tile) {
    return new MetricView(metricId, d.code(), d.name(), d.unit(), d.period(), d.periodSeconds(), d.direction(),
        d.stage(), d.owner(), d.verificationState(), d.howToRead(), d.methodology(), d.sources(), d.runbook(),
        d.slas(), d.linkedServices(), d.dimension(), d.normValue(), d.alertValue(), d.targetValue(),
        d.targetDueDate(), d.benchmarkMean(), d.benchmarkStddev(), d.anomaly(), version,
        "/api/metrics/" + metricId + "/audit", tile);
  }

  /** The same metric with another rendering of its tile (the MCP tools drop the sparkline). */
  public MetricView withTile(Tile other) {
    return new MetricView(metricId, code, name, unit, period, periodSeconds, direction, stage, owner,
        verificationState, howToRead, methodology, sources, runbook, slas, linkedServices, dimension, normValue,
        alertValue, targetValue, targetDueDate, benchmarkMean, benchmarkStddev, anomaly, version, auditUrl, other);
  }
}
