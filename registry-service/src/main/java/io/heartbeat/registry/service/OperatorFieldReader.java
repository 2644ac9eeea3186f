package io.heartbeat.registry.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.registry.model.OperatorFields;

/** Reads an operator's PATCH body into {@link OperatorFields}, refusing any field the metric file owns. */
final class OperatorFieldReader {

  static final List<String> EDITABLE = List.of("norm_value", "alert_value", "target_value", "target_due_date",
      "benchmark_mean", "benchmark_stddev", "verification_state", "owner");
  static final Set<String> VERIFICATION_STATES = Set.of("unverified", "pending_review", "verified");

  private OperatorFieldReader() {
  }

  static OperatorFields apply(OperatorFields current, Map<String, JsonNode> body) {
    OperatorFields f = current;
    for (Map.Entry<String, JsonNode> e : body.entrySet()) {
      String field = e.getKey();
      JsonNode v = e.getValue();
      if (field.equals("reason")) {
        continue;
      }
      if (!EDITABLE.contains(field)) {
        throw new EditRejected(422, field, "field '" + field + "' cannot be edited by operators: expected only "
            + EDITABLE + " (the metric file owns the other fields; change it in db/metrics)");
      }
      f = switch (field) {
        case "norm_value" -> new OperatorFields(number(field, v), f.alertValue(), f.targetValue(), f.targetDueDate(),
            f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(), f.stage());
        case "alert_value" -> new OperatorFields(f.normValue(), number(field, v), f.targetValue(), f.targetDueDate(),
            f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(), f.stage());
        case "target_value" -> new OperatorFields(f.normValue(), f.alertValue(), number(field, v), f.targetDueDate(),
            f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(), f.stage());
        case "target_due_date" -> new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), date(field, v),
            f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(), f.stage());
        case "benchmark_mean" -> new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
            number(field, v), f.benchmarkStddev(), f.verificationState(), f.owner(), f.stage());
        case "benchmark_stddev" -> new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
            f.benchmarkMean(), number(field, v), f.verificationState(), f.owner(), f.stage());
        case "verification_state" -> new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(),
            f.targetDueDate(), f.benchmarkMean(), f.benchmarkStddev(), verification(field, v), f.owner(), f.stage());
        default -> new OperatorFields(f.normValue(), f.alertValue(), f.targetValue(), f.targetDueDate(),
            f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), owner(field, v), f.stage());
      };
    }
    return f;
  }

  private static BigDecimal number(String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new EditRejected(422, field, "'" + v + "': expected a finite number, or null to use the file's value");
    }
    return v.decimalValue();
  }

  private static LocalDate date(String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new EditRejected(422, field, "'" + v.asText() + "': expected a date as YYYY-MM-DD");
    }
  }

  private static String verification(String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !VERIFICATION_STATES.contains(v.asText())) {
      throw new EditRejected(422, field, "'" + v.asText() + "': expected one of " + VERIFICATION_STATES);
    }
    return v.asText();
  }

  private static String owner(String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 100) {
      throw new EditRejected(422, field, "'" + v.asText() + "': expected a team or person, 1 to 100 characters");
    }
    return v.asText().trim();
  }
}
