package io.heartbeat.registry.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.heartbeat.registry.catalog.FunctionCall;
import io.heartbeat.registry.model.AnomalySettings;
import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.DimensionKind;
import io.heartbeat.registry.model.Direction;
import io.heartbeat.registry.model.MetricDefinition;
import io.heartbeat.registry.model.Stage;

/** Turns the bytes of `db/metrics/<metric_id>.sql` into a {@link MetricDefinition} or the list of what is wrong. */
public final class MetricFileParser {

  public static final Pattern METRIC_ID = Pattern.compile("^[a-z][a-z0-9_]{1,62}$");
  private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9]{3}$");
  private final MetricFileReader reader;

  public MetricFileParser(int maxBytes) {
    this.reader = new MetricFileReader(maxBytes);
  }

  /** A parsed file and the functions its value_sql calls, for the catalog check at sync. */
  public record Parsed(ParsedMetric metric, List<FunctionCall> calls) {
  }

  public ParsedMetric parse(String path, byte[] bytes) {
    return parseWithCalls(path, bytes).metric();
  }

  public Parsed parseWithCalls(String path, byte[] bytes) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    String metricId = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    List<DefinitionProblem> problems = new ArrayList<>();
    String hash = sha256(bytes);
    if (!METRIC_ID.matcher(metricId).matches()) {
      problems.add(new DefinitionProblem(path, 0, "metric_id", "file name '" + fileName
          + "': expected <metric_id>.sql with a lower-case snake_case metric_id"));
    }
    MetricFile file = reader.read(path, metricId, bytes, problems);
    if (file == null) {
      return new Parsed(new ParsedMetric(metricId, path, hash, null, problems, 0), List.of());
    }
    List<FunctionCall> calls = new ArrayList<>();
    MetricDefinition definition = define(file, problems, calls);
    MetricFile.HeaderLine code = file.line("code");
    return new Parsed(new ParsedMetric(metricId, path, hash, problems.isEmpty() ? definition : null,
        List.copyOf(problems), code == null ? 0 : code.line()), List.copyOf(calls));
  }

  private MetricDefinition define(MetricFile file, List<DefinitionProblem> problems, List<FunctionCall> calls) {
    HeaderFields h = new HeaderFields(file, problems);
    String declaredId = h.text("metric_id");
    if (declaredId != null && !declaredId.equals(file.metricId())) {
      h.problem("metric_id", "'" + declaredId + "': expected the file name's metric_id '" + file.metricId() + "'");
    }
    String name = h.text("name");
    if (name != null && name.length() > 60) {
      h.problem("name", "'" + name + "' is " + name.length() + " characters: expected a short noun phrase (at most 60)");
    }
    String code = h.text("code");
    if (code != null && !CODE.matcher(code).matches()) {
      h.problem("code", "'" + code + "': expected 4 upper-case letters or digits starting with a letter, e.g. APRC");
    }
    String periodText = h.text("period");
    int periodSeconds = periodText == null ? -1 : Period.seconds(periodText);
    if (periodText != null && periodSeconds < 0) {
      h.problem("period", "'" + periodText + "': " + Period.EXPECTED);
    }
    Direction direction = h.choice("direction", Direction::fromWire, "higher_is_better or lower_is_better", null);
    DimensionKind dimension = h.choice("dimension", DimensionKind::fromWire, "customer, region or platform", null);
    Stage stage = h.choice("stage", Stage::fromWire, "one of discovery, drafted, backfilled, provisional, unverified, "
        + "owned, verified, paging, deprecated, retired", Stage.PROVISIONAL);
    BigDecimal norm = h.number("norm_value");
    BigDecimal alert = h.number("alert_value");
    BigDecimal target = h.number("target_value");
    LocalDate due = h.date("target_due_date");
    BigDecimal benchmarkStddev = h.number("benchmark_stddev");
    checkThresholds(h, direction, norm, alert, target);
    // Presence, not validity: a bad date is its own problem, not also "target_value without target_due_date".
    if (h.given("target_value") && !h.given("target_due_date")) {
      h.problem("target_value", "target_value without target_due_date: expected '-- target_due_date: YYYY-MM-DD'");
    }
    if (h.given("target_due_date") && !h.given("target_value")) {
      h.problem("target_due_date", "target_due_date without target_value: expected '-- target_value: <number>'");
    }
    if (benchmarkStddev != null && benchmarkStddev.signum() <= 0) {
      h.problem("benchmark_stddev", "'" + benchmarkStddev + "': expected a positive number");
    }
    String runbook = h.text("runbook");
    if (runbook != null && !runbook.matches("^https?://\\S+$")) {
      h.problem("runbook", "'" + runbook + "': expected an http(s) URL");
    }
    Integer dimensionCap = h.wholeNumber("dimension_cap", 1, 10_000);
    // Presence again: a misspelt dimension kind is its own problem, not also "dimension_cap without dimension".
    if (h.given("dimension_cap") && !h.given("dimension")) {
      h.problem("dimension_cap", "dimension_cap without dimension: expected '-- dimension: customer|region|platform' "
          + "or no dimension_cap (a metric without a dimension returns one row)");
    }
    BigDecimal minCount = h.number("min_count", BigDecimal.ONE, null);
    // Declared, not valid: a misspelt kind is one problem, not also "the SELECT returns an undeclared dimension".
    calls.addAll(ValueSqlCheck.check(file, h.given("dimension"), h.given("min_count"), problems));
    return new MetricDefinition(name, code, periodText, periodSeconds, direction, h.text("unit"), h.text("how_to_read"),
        h.text("methodology"), h.list("sources"), file.body(), dimension, norm, alert, target, due,
        h.number("benchmark_mean"), benchmarkStddev, anomaly(h, periodSeconds), h.list("sla"), h.list("linked_services"),
        h.bool("auto_rollback", MetricDefinition.DEFAULT_AUTO_ROLLBACK), runbook, h.text("owner"), stage, null,
        statementTimeout(h), h.wholeNumber("history_days", 1, 400), dimensionCap, minCount);
  }

  /** The band's settings; the file's defaults live here, the practical-significance ones in alert-service. */
  private static AnomalySettings anomaly(HeaderFields h, int periodSeconds) {
    int trigger = h.positiveInt("anomaly_trigger_windows", AnomalySettings.DEFAULT.triggerWindows());
    Integer within = h.wholeNumber("anomaly_trigger_within", 1, Integer.MAX_VALUE);
    if (within != null && within < trigger) {
      // k of n: fewer windows to look at than must be bad could never fire.
      h.problem("anomaly_trigger_within", "'" + within + "' is below anomaly_trigger_windows " + trigger
          + ": expected at least as many windows as must be bad (k of n), e.g. " + (trigger + 2));
      within = null;
    }
    return new AnomalySettings(
        h.bool("anomaly_enabled", AnomalySettings.DEFAULT.enabled()),
        h.positiveDouble("anomaly_sensitivity", AnomalySettings.DEFAULT.sensitivity()),
        trigger,
        h.positiveInt("anomaly_recovery_windows", AnomalySettings.DEFAULT.recoveryWindows()),
        h.positiveInt("anomaly_min_history", AnomalySettings.minHistoryFor(periodSeconds)),
        within,
        h.number("anomaly_min_change_percent", BigDecimal.ZERO, BigDecimal.valueOf(100)),
        h.number("anomaly_min_change_absolute", BigDecimal.ZERO, null));
  }

  /** Seconds value_sql may run before the database cancels it; unset means compute-service's default. */
  private static Integer statementTimeout(HeaderFields h) {
    String v = h.text("statement_timeout");
    if (v == null) {
      return null;
    }
    java.util.regex.Matcher m = Pattern.compile("^([1-9][0-9]?)s$").matcher(v);
    if (!m.matches() || Integer.parseInt(m.group(1)) > 60) {
      h.problem("statement_timeout", "'" + v + "': expected seconds from 1s to 60s, e.g. 10s");
      return null;
    }
    return Integer.valueOf(m.group(1));
  }

  private static void checkThresholds(HeaderFields h, Direction direction, BigDecimal norm, BigDecimal alert,
      BigDecimal target) {
    if (direction == null) {
      return;
    }
    boolean higher = direction == Direction.HIGHER_IS_BETTER;
    if (norm != null && alert != null && (higher ? alert.compareTo(norm) > 0 : alert.compareTo(norm) < 0)) {
      h.problem("alert_value", "'" + alert.toPlainString() + "' is " + (higher ? "above" : "below") + " norm_value "
          + norm.toPlainString() + ": expected red to lie beyond amber on the bad side (" + direction.wire() + ")");
    }
    if (norm != null && target != null && (higher ? target.compareTo(norm) < 0 : target.compareTo(norm) > 0)) {
      h.problem("target_value", "'" + target.toPlainString() + "' is " + (higher ? "below" : "above") + " norm_value "
          + norm.toPlainString() + ": expected the stretch target on the good side (" + direction.wire() + ")");
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
