package io.heartbeat.cockpit.mcp;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.model.AlertView;
import io.heartbeat.cockpit.model.MetricView;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.service.AlertService;
import io.heartbeat.cockpit.service.MetricService;
import io.heartbeat.cockpit.service.SlaService;
import io.heartbeat.cockpit.service.TileService;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The cockpit's reads as MCP tools for AI assistants (Streamable HTTP at /mcp). Each answers with the JSON the REST API
 * serves for the same question (tiles and metrics without their sparkline, which is for drawing); a question the API
 * would answer 400 or 404 (an unknown metric, an unreadable argument) is a tool error naming what was wrong.
 */
public class HeartbeatTools {

  static final int DEFAULT_POINTS = 120;
  static final Duration DEFAULT_RANGE = Duration.ofHours(6);
  static final int FIRING_LIMIT = 200;

  private final TileService tiles;
  private final MetricService metrics;
  private final AlertService alerts;
  private final SlaService slas;
  private final CurrentIdentityAssociation identity;
  private final ObjectMapper mapper;

  public HeartbeatTools(TileService tiles, MetricService metrics, AlertService alerts, SlaService slas,
      CurrentIdentityAssociation identity, ObjectMapper mapper) {
    this.tiles = tiles;
    this.metrics = metrics;
    this.alerts = alerts;
    this.slas = slas;
    this.identity = identity;
    this.mapper = mapper;
  }

  @Tool(name = "list_heartbeats", description = "Lists every heartbeat metric with its current status, worst first"
      + " (error, stale, red, amber, anomalous, unknown, green). Each item: metricId, code (4-letter handle), name,"
      + " status, value, unit, period, direction, rule (why the status), band {expected, lower, upper}, normValue"
      + " (amber threshold), alertValue (red threshold), targetValue, staleReason (set when the cockpit's clock aged"
      + " it), change versus the previous window, and alert (the open episode of the metric, null if none). Start"
      + " here to find what is broken; then call explain_status or get_metric with a metricId.")
  Uni<ToolResponse> listHeartbeats(@ToolArg(name = "status", required = false, description = "Only these statuses,"
      + " comma-separated, from error, stale, red, amber, anomalous, unknown, green (e.g. \"red,amber\"); omit for"
      + " all") String status) {
    return answer(() -> {
      Set<Status> wanted = statuses(status);
      return tiles.tiles().map(all -> all.stream().filter(t -> wanted.contains(t.status()))
          .map(HeartbeatTools::withoutSparkline).toList());
    });
  }

  @Tool(name = "get_metric", description = "One metric's definition and data contract: the six components (latest"
      + " observation in tile, period, benchmarkMean/benchmarkStddev, normValue, alertValue, targetValue with"
      + " targetDueDate), direction, unit, lifecycle stage, owner, howToRead, methodology, sources, runbook, SLAs,"
      + " linked services (rolled back on a drop), anomaly settings, and the current tile.")
  Uni<ToolResponse> getMetric(@ToolArg(name = "metricId", description = "The metric's id, e.g."
      + " web_messenger_parts (list_heartbeats gives them)") String metricId) {
    return answer(() -> metrics.metric(metricId).map(HeartbeatTools::withoutSparkline));
  }

  @Tool(name = "get_series", description = "A metric's values over a time range with the anomaly band and thresholds,"
      + " for the metric total or one slice (dimension customer=acme), downsampled to at most `points` points (each"
      + " keeps min and max, so a one-window drop survives). Point fields: t (window start), v (mean), min, max, s"
      + " (worst status), exp/lo/hi (band), out (left the band on the bad side). Also the alert episodes and the"
      + " deploys of the metric's linked services in the range.")
  Uni<ToolResponse> getSeries(
      @ToolArg(name = "metricId", description = "The metric's id") String metricId,
      @ToolArg(name = "from", required = false, description = "Start, an ISO-8601 instant such as"
          + " 2026-12-06T08:00:00Z; default 6 hours before to") String from,
      @ToolArg(name = "to", required = false, description = "End (exclusive), an ISO-8601 instant; default now")
      String to,
      @ToolArg(name = "points", required = false, description = "At most this many points, 10 to 5000; default 120")
      Integer points,
      @ToolArg(name = "dimension", required = false, description = "One slice as kind=value with kind customer,"
          + " region or platform, e.g. customer=acme; omit for the metric total") String dimension) {
    return answer(() -> {
      Instant end = MetricService.instant("argument 'to'", to, Instant.now());
      Instant start = MetricService.instant("argument 'from'", from, end.minus(DEFAULT_RANGE));
      MetricService.ordered("argument", start, end);
      int max = points == null ? DEFAULT_POINTS : points;
      if (max < 10 || max > 5000) {
        throw new BadRequestException("argument 'points' must be a whole number from 10 to 5000, got " + points);
      }
      return metrics.series(metricId, MetricService.slice("argument 'dimension'", dimension), start, end, max);
    });
  }

  @Tool(name = "explain_status", description = "Explains why a metric shows its status: the rule alert-service"
      + " applied, the value against the norm (amber) and alert (red) thresholds given the direction, the anomaly"
      + " band (expected, lower, upper) and whether the value is outside it and on which side, staleReason when the"
      + " cockpit's clock aged the tile, and the open alert episode. `explanation` says it in a few sentences; the"
      + " other fields are the same facts, structured.")
  Uni<ToolResponse> explainStatus(@ToolArg(name = "metricId", description = "The metric's id") String metricId) {
    return answer(() -> metrics.definition(metricId).chain(() -> tiles.shown(metricId)).chain(found -> {
      Tile tile = found.orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No metric with id " + metricId
          + " in the registry"));
      Uni<AlertView> episode = tile.alert() == null ? Uni.createFrom().nullItem()
          : alerts.one(tile.alert().dedupKey()).onFailure().recoverWithNull();
      return episode.map(e -> StatusExplanation.of(tile, e));
    }));
  }

  @Tool(name = "active_alerts", description = "The alert episodes firing now, newest first (up to 200): metricId,"
      + " code, name, series ('*' for the total or customer=acme), status and worstStatus, episodeStart, firedAt,"
      + " reason, steps, suggestedActions (first actions with why), rollback (the deploy rolled back and its"
      + " outcome), deliveries (each receiver's page and its outcome) and context (recent deploys, other failing"
      + " heartbeats, the customers that dropped most). nextCursor is set when more are firing than listed.")
  Uni<ToolResponse> activeAlerts() {
    return answer(() -> alerts.page("firing", null, FIRING_LIMIT));
  }

  @Tool(name = "sla_report", description = "This month's SLA reports from alert-service's ledger: per SLA its member"
      + " metrics, targetPercent, availabilityPercent, downtimeMinutes (red time), unmeasuredMinutes (time no"
      + " value was computed), incidents and errorBudget left; `error` instead when the ledger could not be read.")
  Uni<ToolResponse> slaReport(@ToolArg(name = "sla", required = false, description = "One SLA by name, e.g."
      + " core-platform; omit for every SLA") String sla) {
    return answer(() -> authorization().chain(slas::reports).map(reports -> {
      if (sla == null || sla.isBlank()) {
        return reports;
      }
      List<Map<String, Object>> one = reports.stream().filter(r -> sla.trim().equals(r.get("sla"))).toList();
      if (one.isEmpty()) {
        throw new jakarta.ws.rs.NotFoundException("No SLA named " + sla + "; the SLAs are "
            + reports.stream().map(r -> String.valueOf(r.get("sla"))).toList());
      }
      return one.get(0);
    }));
  }

  /** The caller's bearer token, passed on to alert-service as GET /api/slas does; null for an anonymous caller. */
  private Uni<String> authorization() {
    return identity.getDeferredIdentity()
        .map(caller -> caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null
            ? "Bearer " + jwt.getRawToken() : (String) null)
        .onFailure().recoverWithNull();
  }

  /** The answer as JSON text; a refusal the REST API would give as 400 or 404 becomes a tool error. */
  private Uni<ToolResponse> answer(Supplier<Uni<?>> call) {
    return Uni.createFrom().deferred(call).map(this::json)
        .onFailure(HeartbeatTools::refusal).recoverWithItem(failure -> ToolResponse.error(failure.getMessage()));
  }

  private static boolean refusal(Throwable failure) {
    return failure instanceof WebApplicationException w && w.getResponse().getStatus() < 500;
  }

  private ToolResponse json(Object value) {
    try {
      return ToolResponse.success(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer not serialisable", e);
    }
  }

  static Set<Status> statuses(String text) {
    if (text == null || text.isBlank()) {
      return EnumSet.allOf(Status.class);
    }
    Set<Status> wanted = EnumSet.noneOf(Status.class);
    for (String word : text.split(",")) {
      String w = word.trim().toLowerCase();
      if (w.isEmpty()) {
        continue;
      }
      try {
        wanted.add(Status.fromWire(w));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("argument 'status' must list statuses from " + Arrays.stream(Status.values())
            .map(Status::wire).collect(Collectors.joining(", ")) + ", got '" + word.trim() + "'");
      }
    }
    return wanted;
  }

  private static Tile withoutSparkline(Tile t) {
    return t.sparkline() == null ? t : t.with(t.change(), t.targetProgress(), null, t.alert());
  }

  private static MetricView withoutSparkline(MetricView m) {
    return m.withTile(withoutSparkline(m.tile()));
  }
}
