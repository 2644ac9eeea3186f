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

  /** Thresholds are counts, ratios and durations: 15 integer digits and 12 decimals are far more than any needs. */
  static final int MAX_INTEGER_DIGITS = 15;
  static final int MAX_DECIMALS = 12;
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

  /** True when the header has the key with a non-empty value (whether or not that value is valid). */
  boolean given(String key) {
    MetricFile.HeaderLine line = file.line(key);
    return line != null && !line.value().isEmpty();
  }

  String text(String key) {
    return raw(key, "text");
  }

  BigDecimal number(String key) {
    BigDecimal d = typed(key, "a number, e.g. 42 or 0.95", BigDecimal::new);
    // 1e999999999 is a valid BigDecimal but overflows PostgreSQL numeric and jsonb, and failing that write would stop
    // the whole sync: refuse it here, in this file only.
    if (d != null && (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.stripTrailingZeros().scale() > MAX_DECIMALS)) {
      problem(key, "'" + file.line(key).value() + "': expected a number below 10^" + MAX_INTEGER_DIGITS
          + " with at most " + MAX_DECIMALS + " decimals");
      return null;
    }
    return d;
  }

  Integer positiveInt(String key, int fallback) {
    Integer value = typed(key, "a whole number >= 1", v -> {
      int i = Integer.parseInt(v);
      if (i < 1) {
        throw new NumberFormatException(v);
      }
      return i;
    });
    return value == null ? fallback : value;
  }

  /** A whole number from min to max (Integer.MAX_VALUE: no upper bound), or null when absent or bad. */
  Integer wholeNumber(String key, int min, int max) {
    String expected = max == Integer.MAX_VALUE ? "a whole number >= " + min
        : "a whole number from " + min + " to " + max;
    return typed(key, expected, v -> {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw new NumberFormatException(v);
      }
      return i;
    });
  }

  /** A number from min to max (max null: no upper bound), or null when absent or bad. */
  BigDecimal number(String key, BigDecimal min, BigDecimal max) {
    BigDecimal d = number(key);
    if (d != null && (d.compareTo(min) < 0 || max != null && d.compareTo(max) > 0)) {
      problem(key, "'" + file.line(key).value() + "': expected a number " + (max == null ? ">= " + min.toPlainString()
          : "from " + min.toPlainString() + " to " + max.toPlainString()));
      return null;
    }
    return d;
  }

  Double positiveDouble(String key, double fallback) {
    // Parsed as a decimal, not with Double.valueOf, which also takes "2.5f", "3d", "NaN" and "0x1p3".
    Double value = typed(key, "a positive number, e.g. 3", v -> {
      double d = new BigDecimal(v).doubleValue();
      if (!(d > 0 && Double.isFinite(d))) {
        throw new NumberFormatException(v);
      }
      return d;
    });
    return value == null ? fallback : value;
  }

  Boolean bool(String key, boolean fallback) {
    Boolean value = choice(key, v -> v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : null, "true or false",
        null);
    return value == null ? fallback : value;
  }

  LocalDate date(String key) {
    return typed(key, "a date as YYYY-MM-DD", LocalDate::parse);
  }

  List<String> list(String key) {
    String v = raw(key, "a comma-separated list");
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  <E> E choice(String key, Function<String, E> parse, String expected, E fallback) {
    String v = raw(key, expected);
    if (v == null) {
      return fallback;
    }
    E e = parse.apply(v);
    if (e == null) {
      problem(key, "'" + v + "': expected " + expected);
      return fallback;
    }
    return e;
  }

  /**
   * The value, or null when the key is absent or empty. An absent required key and an empty value are problems: a
   * key written without a value is a mistake, not a way to ask for the default, and is reported on its own line.
   */
  private String raw(String key, String expected) {
    MetricFile.HeaderLine line = file.line(key);
    if (line == null) {
      if (HeaderKeys.REQUIRED.contains(key)) {
        problems.add(new DefinitionProblem(file.path(), 1, key, "missing required key '" + key + "': expected a '-- "
            + key + ": ...' line in the header"));
      }
      return null;
    }
    if (line.value().isEmpty()) {
      problem(key, "empty value: expected " + expected);
      return null;
    }
    return line.value();
  }

  private <T> T typed(String key, String expected, Function<String, T> parse) {
    String v = raw(key, expected);
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
