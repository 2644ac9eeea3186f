package io.heartbeat.registry.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.registry.model.AuditEntry;
import io.heartbeat.registry.model.MetricDefinition;
import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.Stage;
import io.heartbeat.registry.model.VerificationState;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.repository.RegistryRow;
import io.heartbeat.registry.service.EditRejected.FieldProblem;
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

  /** Applies a PATCH body; all its field problems (format, file-owned, thresholds, stage) are refused at once. */
  public RegistryRow edit(String metricId, long expectedRowVersion, Map<String, JsonNode> body, String actor) {
    RegistryRow row = current(metricId, expectedRowVersion);
    OperatorFieldReader.Result read = OperatorFieldReader.read(row.operator(), body);
    List<FieldProblem> problems = new ArrayList<>(read.problems());
    MetricDefinition before = events.definition(row);
    verificationFollowsStage(metricId, body, before, problems);
    String reason = reason(body, problems);
    OperatorFields f = read.fields();
    // The stored verification state only changes with the stage (moveStage); restating it here changes nothing.
    OperatorFields next = new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
        f.benchmarkMean(), f.benchmarkStddev(), row.operator().verificationState(), f.owner(), f.stage());
    return save(row, next, actor, reason, problems, List.copyOf(body.keySet()));
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
    MetricDefinition current = events.definition(row);
    Stage from = current.stage();
    if (!Lifecycle.allowed(from, to)) {
      throw new EditRejected(409, "stage", "cannot move from " + from.wire() + " to " + to.wire() + ": expected one of "
          + Lifecycle.next(from).stream().map(Stage::wire).toList());
    }
    if (!Lifecycle.allowedFor(role, from, to)) {
      throw new EditRejected(403, "stage", "moving from " + from.wire() + " to " + to.wire() + " needs the admin role");
    }
    OperatorFields f = row.operator();
    // The move sets the verification state its target stage implies; deprecated and retired keep the one they had.
    VerificationState verification = VerificationState.at(to, VerificationState.fromWire(current.verificationState()));
    OperatorFields next = new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
        f.benchmarkMean(), f.benchmarkStddev(), verification.wire(), f.owner(), to);
    return save(row, next, actor, reason, List.of(), List.of());
  }

  /** Writes next unless it has problems; they are refused together, in the order of the request's fields. */
  private RegistryRow save(RegistryRow row, OperatorFields next, String actor, String reason,
      List<FieldProblem> problems, List<String> fieldOrder) {
    MetricDefinition before = events.definition(row);
    MetricDefinition after = next.overlay(events.fileDefinition(row));
    List<FieldProblem> all = new ArrayList<>(problems);
    for (ThresholdRules.Violation v : ThresholdRules.check(after)) {
      // A field already refused is named once; its current value stood in for the rules.
      if (all.stream().noneMatch(p -> p.field().equals(v.field()))) {
        all.add(new FieldProblem(v.field(), v.message()));
      }
    }
    if (!all.isEmpty()) {
      // In the order the operator wrote the fields, as a form shows them; a field the request lacks (reason) last.
      all.sort(Comparator.comparingInt(p -> fieldOrder.contains(p.field()) ? fieldOrder.indexOf(p.field())
          : Integer.MAX_VALUE));
      throw new EditRejected(all);
    }
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

  private static String reason(Map<String, JsonNode> body, List<FieldProblem> problems) {
    JsonNode reason = body.get("reason");
    if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
      problems.add(new FieldProblem("reason", "missing reason: expected a sentence saying why the value changes"));
      return null;
    }
    return reason.asText();
  }

  /** verification_state follows the stage: an edit may restate the current one, never set another. */
  private static void verificationFollowsStage(String metricId, Map<String, JsonNode> body, MetricDefinition before,
      List<FieldProblem> problems) {
    JsonNode asked = body.get("verification_state");
    if (!body.containsKey("verification_state")
        || problems.stream().anyMatch(p -> p.field().equals("verification_state"))) {
      return;
    }
    String value = asked == null || asked.isNull() ? null : asked.asText();
    if (!before.verificationState().equals(value)) {
      problems.add(new FieldProblem("verification_state", "'" + value + "' contradicts stage "
          + before.stage().wire() + ", whose verification_state is " + before.verificationState()
          + ": it follows the stage, so move the stage instead with POST /api/metrics/" + metricId
          + "/stage and {\"stage\": ..., \"reason\": ...} (docs/lifecycle.md)"));
    }
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
