package io.heartbeat.registry.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.registry.model.DefinitionProblem;

/**
 * One row per bad metric file: the parser must name the exact file, line and field of the problem and say what it
 * expected, and must not drown it in follow-on complaints (the count). Line 0 means the file as a whole.
 */
class BadMetricCorpusTest {

  private final MetricFileParser parser = new MetricFileParser(BadMetricCorpus.MAX_BYTES);

  record Case(String file, int line, String field, int problems, String message) {
    @Override
    public String toString() {
      return file;
    }
  }

  private static Case row(String file, int line, String field, String message) {
    return new Case(file, line, field, 1, message);
  }

  static List<Case> cases() {
    return List.of(
        // header syntax
        row("unknown_key.sql", 8, "severity", "unknown key: expected one of [alert_value, "),
        row("duplicate_key.sql", 8, "period", "duplicate key (first given on line 4): expected each key at most once"),
        // The '=' line is reported where it stands; the key it failed to give is then missing, which is also true.
        new Case("malformed_header_line.sql", 7, "header", 2, "'-- unit = events': expected '-- key: value'"),
        row("missing_name.sql", 1, "name", "missing required key 'name': expected a '-- name: ...' line in the header"),
        row("missing_code.sql", 1, "code", "missing required key 'code': expected a '-- code: ...' line"),
        row("missing_period.sql", 1, "period", "missing required key 'period': expected a '-- period: ...' line"),
        row("missing_direction.sql", 1, "direction", "missing required key 'direction': expected a '-- direction: "),
        row("missing_unit.sql", 1, "unit", "missing required key 'unit': expected a '-- unit: ...' line"),
        row("missing_how_to_read.sql", 1, "how_to_read", "missing required key 'how_to_read': expected a '-- how_to_read"),
        row("empty_direction.sql", 5, "direction", "empty value: expected higher_is_better or lower_is_better"),
        row("empty_norm_value.sql", 8, "norm_value", "empty value: expected a number, e.g. 42 or 0.95"),
        row("key_after_body.sql", 10, "norm_value",
            "header key inside the SQL body (which starts on line 8): expected every '-- key: value' line before the SELECT"),
        // naming
        row("metric_id_mismatch.sql", 2, "metric_id",
            "'checkout_attempts': expected the file name's metric_id 'metric_id_mismatch'"),
        row("Bad-File-Name.sql", 0, "metric_id",
            "file name 'Bad-File-Name.sql': expected <metric_id>.sql with a lower-case snake_case metric_id"),
        row("name_too_long.sql", 2, "name", "is 79 characters: expected a short noun phrase (at most 60)"),
        row("code_lower_case.sql", 3, "code", "'lcod': expected 4 upper-case letters or digits starting with a letter"),
        row("code_five_chars.sql", 3, "code", "'FIVEC': expected 4 upper-case letters or digits starting with a letter"),
        // window
        row("period_7min.sql", 4, "period", "'7min': expected 1m, 5m, 15m, 1h, 1d or another period that divides a day"),
        row("period_7m.sql", 4, "period", "'7m': expected 1m, 5m, 15m, 1h, 1d or another period that divides a day"),
        row("period_0m.sql", 4, "period", "'0m': expected 1m, 5m, 15m, 1h, 1d or another period that divides a day"),
        row("period_2d.sql", 4, "period", "'2d': expected 1m, 5m, 15m, 1h, 1d or another period that divides a day"),
        // reading
        row("bad_direction.sql", 5, "direction", "'up': expected higher_is_better or lower_is_better"),
        row("bad_stage.sql", 8, "stage", "'live': expected one of discovery, drafted, "),
        // thresholds
        row("alert_above_norm_higher.sql", 9, "alert_value",
            "'20' is above norm_value 10: expected red to lie beyond amber on the bad side (higher_is_better)"),
        row("alert_below_norm_lower.sql", 9, "alert_value",
            "'0.1' is below norm_value 0.2: expected red to lie beyond amber on the bad side (lower_is_better)"),
        row("target_wrong_side.sql", 10, "target_value",
            "'8' is below norm_value 10: expected the stretch target on the good side (higher_is_better)"),
        row("target_without_due_date.sql", 8, "target_value",
            "target_value without target_due_date: expected '-- target_due_date: YYYY-MM-DD'"),
        row("due_date_without_target.sql", 8, "target_due_date",
            "target_due_date without target_value: expected '-- target_value: <number>'"),
        row("bad_due_date.sql", 9, "target_due_date", "'2027-02-30': expected a date as YYYY-MM-DD"),
        row("bad_number.sql", 8, "norm_value", "'ten': expected a number, e.g. 42 or 0.95"),
        row("huge_number.sql", 8, "norm_value", "'1e999999999': expected a number below 10^15 with at most 12 decimals"),
        row("benchmark_stddev_zero.sql", 9, "benchmark_stddev", "'0': expected a positive number"),
        // anomaly band
        row("anomaly_sensitivity_zero.sql", 8, "anomaly_sensitivity", "'0': expected a positive number, e.g. 3"),
        row("anomaly_sensitivity_suffix.sql", 8, "anomaly_sensitivity", "'2.5f': expected a positive number, e.g. 3"),
        row("anomaly_trigger_windows_x.sql", 8, "anomaly_trigger_windows", "'x': expected a whole number >= 1"),
        row("anomaly_enabled_yes.sql", 8, "anomaly_enabled", "'yes': expected true or false"),
        row("anomaly_trigger_within_zero.sql", 8, "anomaly_trigger_within", "'0': expected a whole number >= 1"),
        row("anomaly_trigger_within_below_trigger.sql", 9, "anomaly_trigger_within", "'3' is below "
            + "anomaly_trigger_windows 4: expected at least as many windows as must be bad (k of n), e.g. 6"),
        // Unset trigger_windows is 3, and the k of n rule holds against the default too.
        row("anomaly_trigger_within_below_default.sql", 8, "anomaly_trigger_within",
            "'2' is below anomaly_trigger_windows 3: expected at least as many windows as must be bad"),
        row("anomaly_min_change_percent_over_100.sql", 8, "anomaly_min_change_percent",
            "'150': expected a number from 0 to 100"),
        row("anomaly_min_change_percent_negative.sql", 8, "anomaly_min_change_percent",
            "'-5': expected a number from 0 to 100"),
        row("anomaly_min_change_absolute_negative.sql", 8, "anomaly_min_change_absolute", "'-1': expected a number >= 0"),
        // history and volume
        row("history_days_zero.sql", 8, "history_days", "'0': expected a whole number from 1 to 400"),
        row("history_days_too_long.sql", 8, "history_days", "'401': expected a whole number from 1 to 400"),
        row("history_days_fraction.sql", 8, "history_days", "'1.5': expected a whole number from 1 to 400"),
        row("min_count_below_one.sql", 8, "min_count", "'0.5': expected a number >= 1"),
        row("min_count_without_count_column.sql", 9, "value_sql",
            "min_count is set but the SELECT returns no column named count: expected the number of events behind value"),
        // ownership and action
        row("auto_rollback_no.sql", 9, "auto_rollback", "'no': expected true or false"),
        row("auto_rollback_empty.sql", 8, "auto_rollback", "empty value: expected true or false"),
        row("auto_rollback_twice.sql", 10, "auto_rollback",
            "duplicate key (first given on line 8): expected each key at most once"),
        row("bad_runbook.sql", 8, "runbook", "'wiki/checkout-runbook': expected an http(s) URL"),
        row("bad_dimension_kind.sql", 8, "dimension", "'country': expected customer, region or platform"),
        row("dimension_not_returned.sql", 9, "value_sql",
            "the header declares a dimension but the SELECT returns no 'dimension' column: expected a text column"),
        row("dimension_not_declared.sql", 8, "dimension",
            "the SELECT returns a 'dimension' column: expected a header line '-- dimension: customer|region|platform'"),
        row("dimension_cap_zero.sql", 9, "dimension_cap", "'0': expected a whole number from 1 to 10000"),
        row("dimension_cap_too_high.sql", 9, "dimension_cap", "'10001': expected a whole number from 1 to 10000"),
        row("dimension_cap_without_dimension.sql", 8, "dimension_cap",
            "dimension_cap without dimension: expected '-- dimension: customer|region|platform' or no dimension_cap"),
        // the metric total: the row whose dimension is null, pointed at the GROUP BY that leaves it out
        row("dimension_without_total.sql", 12, "value_sql", "the SELECT returns a 'dimension' column but not the metric "
            + "total (the row whose dimension is null): expected GROUP BY ROLLUP, CUBE or GROUPING SETS with (), "
            + "e.g. 'group by rollup (customer_id)', or a UNION ALL branch that selects null as dimension"),
        row("ordinal_group_without_total.sql", 12, "value_sql", "e.g. 'group by rollup (customer_id)'"),
        row("mixed_rollup_without_total.sql", 12, "value_sql", "e.g. 'group by rollup (region), rollup(platform)'"),
        row("grouping_sets_without_empty.sql", 12, "value_sql", "e.g. 'group by grouping sets ((region), ())'"),
        // A ROLLUP in one branch would total that branch only, so the fix named is a branch of its own.
        row("union_without_total.sql", 12, "value_sql", "not the metric total (the row whose dimension is null): "
            + "expected a UNION ALL branch that selects null as dimension and the value over all the rows"),
        // body: one read-only SELECT
        row("two_statements.sql", 11, "value_sql", "2 statements: expected exactly one SELECT"),
        row("insert_statement.sql", 8, "value_sql", "INSERT statement: expected a read-only SELECT (a WITH is fine)"),
        row("with_insert.sql", 8, "value_sql", "INSERT statement: expected a read-only SELECT (a WITH is fine)"),
        row("update_statement.sql", 8, "value_sql", "UPDATE statement: expected a read-only SELECT (a WITH is fine)"),
        row("delete_statement.sql", 8, "value_sql", "DELETE statement: expected a read-only SELECT (a WITH is fine)"),
        row("create_table.sql", 8, "value_sql", "CREATE statement: expected a read-only SELECT (a WITH is fine)"),
        row("drop_table.sql", 8, "value_sql", "DROP statement: expected a read-only SELECT (a WITH is fine)"),
        row("copy_statement.sql", 8, "value_sql", "COPY statement: expected a read-only SELECT (a WITH is fine)"),
        row("values_statement.sql", 8, "value_sql", "VALUES statement: expected a read-only SELECT (a WITH is fine)"),
        row("data_modifying_cte.sql", 9, "value_sql", "DELETE inside WITH gone(...): expected a read-only SELECT"),
        row("set_config_call.sql", 9, "value_sql", "call to set_config(): expected a read-only SELECT without side effects"),
        row("pg_sleep_call.sql", 11, "value_sql", "call to pg_sleep(): expected a read-only SELECT without side effects"),
        row("quoted_pg_sleep.sql", 11, "value_sql", "call to pg_sleep(): expected a read-only SELECT"),
        row("pg_sleep_newline.sql", 11, "value_sql", "call to pg_sleep(): expected a read-only SELECT"),
        row("select_into.sql", 9, "value_sql", "SELECT INTO creates a table: expected a read-only SELECT"),
        row("select_for_update.sql", 11, "value_sql", "SELECT ... FOR UPDATE takes row locks: expected a read-only SELECT"),
        row("subquery_for_update.sql", 12, "value_sql", "SELECT ... FOR SHARE takes row locks: expected a read-only SELECT"),
        // body: columns and parameters
        row("missing_value_column.sql", 8, "value_sql",
            "no column named value: expected the SELECT to return a numeric 'value' column"),
        row("unknown_parameter.sql", 11, "value_sql", "parameter :customer_id: expected only :window_start and :window_end"),
        row("positional_parameter.sql", 11, "value_sql",
            "positional parameter $1: expected only :window_start and :window_end"),
        row("missing_window_end.sql", 8, "value_sql",
            "no :window_end parameter: expected the SELECT to filter on both :window_start and :window_end"),
        row("unterminated_string.sql", 10, "value_sql", "unterminated string: expected it to close before the end"),
        row("sql_does_not_parse.sql", 12, "value_sql", "SQL does not parse: Encountered unexpected token: \"group\""),
        // the file itself
        row("empty_file.sql", 1, "file", "file is empty: expected a header of '-- key: value' lines and a SELECT"),
        row("header_without_body.sql", 7, "value_sql", "no SQL body after the header: expected one SELECT"),
        row("binary_nul.sql", 9, "file", "binary content (NUL byte): expected UTF-8 text"),
        row("oversized_file.sql", 0, "file", "file is 65537 bytes: expected at most 65536 bytes"),
        row("invalid_utf8.sql", 7, "file", "invalid UTF-8 at byte "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldNameFileLineAndFieldOfTheProblem(Case c) {
    byte[] bytes = BadMetricCorpus.all().get(c.file());
    assertNotNull(bytes, "no corpus file " + c.file());
    String path = "db/metrics/" + c.file();
    ParsedMetric parsed = parser.parse(path, bytes);
    List<DefinitionProblem> problems = parsed.problems();
    assertFalse(parsed.valid(), c.file() + " was accepted");
    assertNull(parsed.definition());
    assertEquals(c.problems(), problems.size(), problems.toString());
    DefinitionProblem first = problems.get(0);
    assertAll(c.file(),
        () -> assertEquals(path, first.file()),
        () -> assertEquals(c.line(), first.line(), first.toString()),
        () -> assertEquals(c.field(), first.field(), first.toString()),
        () -> assertTrue(first.message().contains(c.message()), "message: " + first.message()),
        () -> assertTrue(first.toString().startsWith(path + ":" + c.line() + ": " + c.field()), first.toString()));
    for (DefinitionProblem p : problems) {
      assertEquals(path, p.file(), p.toString());
      assertTrue(p.message().contains("expected"), "does not say what was expected: " + p);
    }
  }

  /** Look-alikes of the refused SQL (in literals, comments, other clauses) that must still be accepted. */
  static List<String> acceptedBodies() {
    String window = "created_at >= :window_start and created_at < :window_end";
    return List.of(
        "select count(*)::numeric as value from marts.events\nwhere note <> 'pg_sleep(1); for update into :x $1'\nand "
            + window,
        "select sum(length(substring(body from 1 for 3)))::numeric as value\nfrom marts.events where " + window
            + " -- for update",
        "/* select into, delete, copy */ select count(*)::numeric as value from marts.events where " + window,
        "with e as (\n  select * from marts.events where " + window + "\n)\nselect count(*)::numeric as value from e",
        "select count(*)::numeric as \"value\" from marts.events where " + window + " and body <> 'it''s $1';\n-- done",
        "select count(*)::numeric as value from marts.events where " + window + " and tags ? 'vip'",
        "(select count(*)::numeric as value from marts.events where " + window + ")");
  }

  @ParameterizedTest
  @MethodSource("acceptedBodies")
  void shouldAcceptLookAlikes(String body) {
    String text = BadMetricCorpus.TEMPLATE.substring(0, BadMetricCorpus.TEMPLATE.indexOf("select")) + body + "\n";
    ParsedMetric parsed = parser.parse("db/metrics/look_alike.sql", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), parsed.problems());
  }

  /** Bodies with a dimension that return the metric total, in each form PostgreSQL offers: all must be accepted. */
  static List<String> acceptedTotals() {
    String window = "created_at >= :window_start and created_at < :window_end";
    String branch = "select customer_id as dimension, count(*)::numeric as value from marts.events where " + window
        + "\ngroup by customer_id\n";
    return List.of(
        "select customer_id as dimension, count(*)::numeric as value from marts.events where " + window
            + "\ngroup by rollup (customer_id)",
        "select customer_id as dimension, count(*)::numeric as value from marts.events where " + window
            + "\nGROUP BY CUBE (customer_id)",
        "select customer_id as dimension, count(*)::numeric as value from marts.events where " + window
            + "\ngroup by grouping sets ((customer_id), ())",
        "select customer_id as dimension, count(*)::numeric as value from marts.events where " + window
            + "\ngroup by grouping sets (customer_id, ())",
        branch + "union all\nselect null, count(*)::numeric from marts.events where " + window,
        branch + "union\nselect cast(null as text) as dimension, count(*)::numeric from marts.events where " + window,
        branch + "union all\nselect null::text, count(*)::numeric from marts.events where " + window,
        "(" + branch + ")\nunion all\n(select null, count(*)::numeric from marts.events where " + window + ")",
        // The total made in a WITH and passed through, or re-grouped (NULL forms its own group).
        "with c as (\n  select customer_id, count(*)::numeric as n from marts.events where " + window
            + "\n  group by rollup (customer_id)\n)\nselect customer_id as dimension, n as value from c",
        "with c as (\n  select customer_id, count(*)::numeric as n from marts.events where " + window
            + "\n  group by rollup (customer_id)\n)\nselect c.customer_id as dimension, sum(n) as value from c\n"
            + "group by c.customer_id",
        // A ratio of two rolled-up subqueries joined on the dimension.
        "select f.customer_id as dimension, f.n / nullif(a.n, 0) as value\n"
            + "from (select customer_id, count(*)::numeric as n from marts.events where failed and " + window
            + " group by rollup (customer_id)) f\n"
            + "join (select customer_id, count(*)::numeric as n from marts.events where " + window
            + " group by rollup (customer_id)) a\non a.customer_id is not distinct from f.customer_id",
        // Rows read as they are from a table: the SQL cannot show whether it holds the total, so it is not refused.
        "select customer_id as dimension, value from marts.precomputed where " + window);
  }

  @ParameterizedTest
  @MethodSource("acceptedTotals")
  void shouldAcceptEveryFormOfTheMetricTotal(String body) {
    String text = BadMetricCorpus.TEMPLATE.substring(0, BadMetricCorpus.TEMPLATE.indexOf("select"))
        + "-- dimension: customer\n" + body + "\n";
    ParsedMetric parsed = parser.parse("db/metrics/look_alike.sql", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), parsed.problems());
  }

  @Test
  void everyCorpusFileShouldHaveARow() {
    Set<String> rows = cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
    Set<String> files = new TreeSet<>(BadMetricCorpus.all().keySet());
    files.remove(BadMetricCorpus.DUPLICATE_CODE);
    assertEquals(files, rows);
    assertEquals(rows.size(), cases().size(), "a file has two rows");
    assertTrue(rows.size() >= 30, "only " + rows.size() + " cases");
  }

  @Test
  void generatedCasesShouldStartFromAValidFile() {
    // Otherwise a generated case could fail for a reason other than the defect it injects.
    ParsedMetric template = parser.parse("db/metrics/generated.sql", BadMetricCorpus.TEMPLATE.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), template.problems());
    ParsedMetric atLimit = parser.parse("db/metrics/generated.sql", BadMetricCorpus.padded(BadMetricCorpus.MAX_BYTES));
    assertEquals(BadMetricCorpus.MAX_BYTES, BadMetricCorpus.padded(BadMetricCorpus.MAX_BYTES).length);
    assertEquals(List.of(), atLimit.problems(), "a file of exactly the limit is allowed");
  }

  @Test
  void goodMetricsShouldStayValidBesideTheWholeCorpus() {
    Map<String, byte[]> good = BadMetricCorpus.good();
    Map<String, byte[]> bad = BadMetricCorpus.all();
    assertTrue(good.size() >= 8, "demo metrics not found: " + good.keySet());
    // One parser for the whole folder, in the folder's order, as DefinitionSync uses it: no state may leak.
    List<String> names = Stream.concat(good.keySet().stream(), bad.keySet().stream()).sorted().toList();
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      boolean isGood = good.containsKey(name);
      ParsedMetric parsed = parser.parse("db/metrics/" + name, isGood ? good.get(name) : bad.get(name));
      boolean expectedValid = isGood || name.equals(BadMetricCorpus.DUPLICATE_CODE);
      if (parsed.valid() != expectedValid) {
        failures.add(name + " valid=" + parsed.valid() + " " + parsed.problems());
      }
      if (isGood) {
        assertEquals(name.replace(".sql", ""), parsed.metricId());
        assertNotNull(parsed.definition(), name);
      }
    }
    assertEquals(List.of(), failures);
  }
}
