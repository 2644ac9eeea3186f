package io.heartbeat.registry.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.heartbeat.registry.model.DefinitionProblem;

/** Reads typed values out of a metric file's header, adding a file:line:field problem for each bad one. */
final class HeaderFields {

  private final MetricFile file;
  private final List<DefinitionProblem> problems;

  HeaderFields(MetricFile file, List<DefinitionProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  void problem(String key, String message) {
    MetricFile.HeaderLine line = file.line(key);
    problems.add(new DefinitionProblem(file.path(), line == null ? 1 : line.line(), key, message));
  }

  String text(String key) {
    MetricFile.HeaderLine line = file.line(key);
    if (line == null) {
      if (HeaderKeys.REQUIRED.contains(key)) {
        problems.add(new DefinitionProblem(file.path(), 1, key, "missing required key '" + key + "'"));
      }
      return null;
    }
    if (line.value().isEmpty()) {
      problem(key, "empty value: expected text");
      return null;
    }
    return line.value();
  }

  BigDecimal number(String key) {
    return typed(key, "a number, e.g. 42 or 0.95", v -> {
      BigDecimal d = new BigDecimal(v);
      return d;
    });
  }

  Integer positiveInt(String key, int fallback) {
    Integer value = typed(key, "a whole number >= 1", Integer::valueOf);
    if (value != null && value < 1) {
      problem(key, "'" + value + "': expected a whole number >= 1");
      return fallback;
    }
    return value == null ? fallback : value;
  }

  Double positiveDouble(String key, double fallback) {
    Double value = typed(key, "a positive number, e.g. 3", Double::valueOf);
    if (value != null && !(value > 0 && Double.isFinite(value))) {
      problem(key, "'" + value + "': expected a positive number, e.g. 3");
      return fallback;
    }
    return value == null ? fallback : value;
  }

  Boolean bool(String key, boolean fallback) {
    String v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    problem(key, "'" + v + "': expected true or false");
    return fallback;
  }

  LocalDate date(String key) {
    return typed(key, "a date as YYYY-MM-DD", LocalDate::parse);
  }

  List<String> list(String key) {
    String v = raw(key);
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  <E> E choice(String key, Function<String, E> parse, String expected, E fallback) {
    String v = raw(key);
    if (v == null) {
      if (HeaderKeys.REQUIRED.contains(key)) {
        problems.add(new DefinitionProblem(file.path(), 1, key, "missing required key '" + key + "'"));
      }
      return fallback;
    }
    E e = parse.apply(v);
    if (e == null) {
      problem(key, "'" + v + "': expected " + expected);
      return fallback;
    }
    return e;
  }

  private String raw(String key) {
    MetricFile.HeaderLine line = file.line(key);
    return line == null || line.value().isEmpty() ? null : line.value();
  }

  private <T> T typed(String key, String expected, Function<String, T> parse) {
    String v = raw(key);
    if (v == null) {
      return null;
    }
    try {
      return parse.apply(v);
    } catch (NumberFormatException | DateTimeParseException e) {
      problem(key, "'" + v + "': expected " + expected);
      return null;
    }
  }
}
