package io.heartbeat.registry.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.registry.model.AuditEntry;
import io.heartbeat.registry.model.MetricDefinition;
import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.Stage;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.repository.RegistryRow;
import io.quarkus.logging.Log;

/**
 * Operator edits and lifecycle moves: validated against the merged definition, written with their audit rows in one
 * transaction under optimistic concurrency, then republished on heartbeat.registry. Blocking: call off the event loop.
 */
@ApplicationScoped
public class OperatorEdits {

  private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
  private final MetricRegistryRepository repository;
  private final RegistryEvents events;
  private final DefinitionSync sync;

  public OperatorEdits(MetricRegistryRepository repository, RegistryEvents events, DefinitionSync sync) {
    this.repository = repository;
    this.events = events;
    this.sync = sync;
  }

  public RegistryRow edit(String metricId, long expectedRowVersion, Map<String, JsonNode> body, String actor) {
    String reason = reason(body);
    RegistryRow row = current(metricId, expectedRowVersion);
    OperatorFields next = OperatorFieldReader.apply(row.operator(), body);
    return save(row, next, actor, reason);
  }

  public RegistryRow moveStage(String metricId, long expectedRowVersion, String target, Lifecycle.Role role,
      String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new EditRejected(422, "reason", "missing reason: expected why the stage changes");
    }
    Stage to = target == null ? null : Stage.fromWire(target);
    if (to == null) {
      throw new EditRejected(422, "stage", "'" + target + "': expected one of discovery, drafted, backfilled, "
          + "provisional, unverified, owned, verified, paging, deprecated, retired");
    }
    RegistryRow row = current(metricId, expectedRowVersion);
    Stage from = events.definition(row).stage();
    if (!Lifecycle.allowed(from, to)) {
      throw new EditRejected(409, "stage", "cannot move from " + from.wire() + " to " + to.wire() + ": expected one of "
          + Lifecycle.next(from).stream().map(Stage::wire).toList());
    }
    if (!Lifecycle.allowedFor(role, from, to)) {
      throw new EditRejected(403, "stage", "moving from " + from.wire() + " to " + to.wire() + " needs the admin role");
    }
    OperatorFields f = row.operator();
    OperatorFields next = new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
        f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(), to);
    return save(row, next, actor, reason);
  }

  private RegistryRow save(RegistryRow row, OperatorFields next, String actor, String reason) {
    MetricDefinition before = events.definition(row);
    MetricDefinition after = next.overlay(events.fileDefinition(row));
    ThresholdRules.check(after).stream().findFirst().ifPresent(v -> {
      throw new EditRejected(422, v.field(), v.message());
    });
    List<AuditEntry> audit = diff(row.metricId(), before, after, actor, reason);
    if (audit.isEmpty()) {
      return row;
    }
    String version = events.version(row.fileVersion(), next);
    boolean saved = repository.saveOperatorEdit(row.metricId(), row.rowVersion(), next, version, actor, reason)
        .await().atMost(DB_TIMEOUT);
    if (!saved) {
      throw new EditRejected(412, "If-Match", "metric " + row.metricId() + " changed since version " + row.rowVersion()
          + ": reload it and apply the edit again");
    }
    Log.infof("operator edit metric_id=%s actor=%s fields=%s", row.metricId(), actor,
        audit.stream().map(AuditEntry::field).toList());
    sync.publishPending();
    return repository.find(row.metricId()).await().atMost(DB_TIMEOUT);
  }

  private RegistryRow current(String metricId, long expectedRowVersion) {
    RegistryRow row = repository.find(metricId).await().atMost(DB_TIMEOUT);
    if (row == null || row.state().equals("removed") || row.definitionJson() == null) {
      throw new EditRejected(404, "metric_id", "no metric '" + metricId + "' in the registry");
    }
    if (row.rowVersion() != expectedRowVersion) {
      throw new EditRejected(412, "If-Match", "metric " + metricId + " is at version " + row.rowVersion() + ", not "
          + expectedRowVersion + ": reload it and apply the edit again");
    }
    return row;
  }

  private static String reason(Map<String, JsonNode> body) {
    JsonNode reason = body.get("reason");
    if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
      throw new EditRejected(422, "reason", "missing reason: expected a sentence saying why the value changes");
    }
    return reason.asText();
  }

  private static List<AuditEntry> diff(String metricId, MetricDefinition a, MetricDefinition b, String actor,
      String reason) {
    List<AuditEntry> out = new ArrayList<>();
    add(out, metricId, "norm_value", a.normValue(), b.normValue(), actor, reason);
    add(out, metricId, "alert_value", a.alertValue(), b.alertValue(), actor, reason);
    add(out, metricId, "target_value", a.targetValue(), b.targetValue(), actor, reason);
    add(out, metricId, "target_due_date", a.targetDueDate(), b.targetDueDate(), actor, reason);
    add(out, metricId, "benchmark_mean", a.benchmarkMean(), b.benchmarkMean(), actor, reason);
    add(out, metricId, "benchmark_stddev", a.benchmarkStddev(), b.benchmarkStddev(), actor, reason);
    add(out, metricId, "verification_state", a.verificationState(), b.verificationState(), actor, reason);
    add(out, metricId, "owner", a.owner(), b.owner(), actor, reason);
    add(out, metricId, "stage", a.stage() == null ? null : a.stage().wire(), b.stage() == null ? null : b.stage().wire(),
        actor, reason);
    return out;
  }

  private static void add(List<AuditEntry> out, String metricId, String field, Object before, Object after,
      String actor, String reason) {
    String o = text(before);
    String n = text(after);
    if (!Objects.equals(o, n)) {
      out.add(new AuditEntry(0, metricId, actor, null, field, o, n, reason));
    }
  }

  private static String text(Object value) {
    return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
        : value == null ? null : value.toString();
  }
}
