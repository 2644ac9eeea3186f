package io.heartbeat.registry.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.VerificationState;
import io.heartbeat.registry.service.EditRejected.FieldProblem;

/**
 * Reads an operator's PATCH body into {@link OperatorFields}. It reads every field and notes a problem for each one it
 * cannot take (unknown, owned by the metric file, or malformed), so the caller can refuse them all in one answer.
 */
final class OperatorFieldReader {

  static final List<String> EDITABLE = List.of("norm_value", "alert_value", "target_value", "target_due_date",
      "benchmark_mean", "benchmark_stddev", "verification_state", "owner");

  /** The fields after the edit (a field that could not be read keeps its current value) and the problems found. */
  record Result(OperatorFields fields, List<FieldProblem> problems) {
  }

  /** A malformed value, with the message that tells the operator what was expected. */
  private static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private OperatorFieldReader() {
  }

  static Result read(OperatorFields current, Map<String, JsonNode> body) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!field.equals("reason") && !EDITABLE.contains(field)) {
        problems.add(new FieldProblem(field, refusal(field)));
      }
    }
    OperatorFields f = new OperatorFields(
        field(body, problems, "norm_value", current.normValue(), OperatorFieldReader::number),
        field(body, problems, "alert_value", current.alertValue(), OperatorFieldReader::number),
        field(body, problems, "target_value", current.targetValue(), OperatorFieldReader::number),
        field(body, problems, "target_due_date", current.targetDueDate(), OperatorFieldReader::date),
        field(body, problems, "benchmark_mean", current.benchmarkMean(), OperatorFieldReader::number),
        field(body, problems, "benchmark_stddev", current.benchmarkStddev(), OperatorFieldReader::number),
        field(body, problems, "verification_state", current.verificationState(), OperatorFieldReader::verification),
        field(body, problems, "owner", current.owner(), OperatorFieldReader::owner),
        current.stage());
    return new Result(f, problems);
  }

  /** The body's value of one field: absent keeps the current value, null returns to the file's, malformed is noted. */
  private static <T> T field(Map<String, JsonNode> body, List<FieldProblem> problems, String name, T current,
      Function<JsonNode, T> parser) {
    if (!body.containsKey(name)) {
      return current;
    }
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return parser.apply(v);
    } catch (Malformed e) {
      problems.add(new FieldProblem(name, e.getMessage()));
      return current;
    }
  }

  private static String refusal(String field) {
    if (field.equals("stage")) {
      return "the stage cannot be edited: move it with POST /api/metrics/{id}/stage and {\"stage\": ..., "
          + "\"reason\": ...}, which checks the move against the lifecycle (docs/lifecycle.md)";
    }
    return "field '" + field + "' cannot be edited by operators: expected only " + EDITABLE
        + " (the metric file owns the other fields; change it in db/metrics)";
  }

  private static BigDecimal number(JsonNode v) {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new Malformed("'" + shown(v) + "': expected a finite number, or null to use the file's value");
    }
    return v.decimalValue();
  }

  private static LocalDate date(JsonNode v) {
    try {
      if (v.isTextual()) {
        return LocalDate.parse(v.asText());
      }
    } catch (DateTimeParseException e) {
      // falls through to the problem below
    }
    throw new Malformed("'" + shown(v) + "': expected a date as YYYY-MM-DD, or null to use the file's value");
  }

  private static String verification(JsonNode v) {
    VerificationState state = v.isTextual() ? VerificationState.fromWire(v.asText()) : null;
    if (state == null) {
      throw new Malformed("'" + shown(v) + "': expected one of unverified, owned, verified (it follows the stage)");
    }
    return state.wire();
  }

  private static String owner(JsonNode v) {
    if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 100) {
      throw new Malformed("'" + shown(v) + "': expected a team or person, 1 to 100 characters");
    }
    return v.asText().trim();
  }

  private static String shown(JsonNode v) {
    String text = v.isTextual() ? v.asText() : v.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
