package io.heartbeat.registry.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.Direction;
import io.heartbeat.registry.model.MetricDefinition;

class MetricFileParserTest {

  private final MetricFileParser parser = new MetricFileParser(65536);

  static Stream<Path> demoFiles() throws Exception {
    return Files.list(Path.of("../db/metrics")).filter(p -> !p.getFileName().toString().startsWith("_")).sorted();
  }

  @ParameterizedTest
  @MethodSource("demoFiles")
  void demoMetricShouldParseWithoutProblems(Path file) throws Exception {
    ParsedMetric parsed = parser.parse("db/metrics/" + file.getFileName(), Files.readAllBytes(file));
    assertEquals(List.of(), parsed.problems());
    assertTrue(parsed.valid());
    assertEquals(60, parsed.definition().periodSeconds());
  }

  @Test
  void shouldReadEveryHeaderField() throws Exception {
    ParsedMetric parsed = parser.parse("db/metrics/ai_agent_failure_ratio.sql",
        Files.readAllBytes(Path.of("../db/metrics/ai_agent_failure_ratio.sql")));
    assertEquals("AIFR", parsed.definition().code());
    assertEquals(Direction.LOWER_IS_BETTER, parsed.definition().direction());
    assertEquals("0.4", parsed.definition().alertValue().toPlainString());
    assertEquals(List.of("fin"), parsed.definition().slas());
    assertEquals("2027-06-30", parsed.definition().targetDueDate().toString());
  }

  @Test
  void shouldNameFileLineAndFieldOfABadPeriod() {
    List<DefinitionProblem> problems = problems("inbox_replies", """
        -- name: Inbox replies
        -- code: INRP
        -- direction: higher_is_better
        -- unit: replies
        -- how_to_read: x
        --
        -- period: 7min
        select count(*) as value from marts.t where t >= :window_start and t < :window_end
        """);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("db/metrics/inbox_replies.sql:7: period '7min': expected 1m, 5m, 15m, 1h, 1d or another period that "
        + "divides a day", problems.get(0).toString());
  }

  @Test
  void shouldReadAStatementTimeoutAndRefuseOneAboveAMinute() {
    String file = """
        -- name: Slow replies
        -- code: SLRP
        -- period: 5m
        -- direction: higher_is_better
        -- unit: replies
        -- how_to_read: x
        -- statement_timeout: %s
        select count(*) as value from marts.t where t >= :window_start and t < :window_end
        """;
    ParsedMetric ok = parser.parse("db/metrics/slow_replies.sql", file.formatted("30s").getBytes(StandardCharsets.UTF_8));
    assertEquals(30, ok.definition().statementTimeoutSeconds());
    List<DefinitionProblem> problems = problems("slow_replies", file.formatted("90s"));
    assertEquals("db/metrics/slow_replies.sql:7: statement_timeout '90s': expected seconds from 1s to 60s, e.g. 10s",
        problems.get(0).toString());
  }

  @Test
  void shouldReadHistoryVolumeAndSignificanceKeys() {
    ParsedMetric parsed = parser.parse("db/metrics/tuned_replies.sql", """
        -- name: Tuned replies
        -- code: TNRP
        -- period: 5m
        -- direction: higher_is_better
        -- unit: replies
        -- how_to_read: x
        -- dimension: customer
        -- dimension_cap: 50
        -- history_days: 35
        -- min_count: 20
        -- anomaly_trigger_windows: 3
        -- anomaly_trigger_within: 5
        -- anomaly_min_change_percent: 12.5
        -- anomaly_min_change_absolute: 2
        select customer_id as dimension, count(*)::numeric as value, count(*) as "count"
        from marts.t where t >= :window_start and t < :window_end
        group by rollup (customer_id)
        """.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), parsed.problems());
    MetricDefinition d = parsed.definition();
    assertEquals(35, d.historyDays());
    assertEquals(50, d.dimensionCap());
    assertEquals(0, new BigDecimal("20").compareTo(d.minCount()));
    assertEquals(5, d.anomaly().triggerWithinWindows());
    assertEquals(0, new BigDecimal("12.5").compareTo(d.anomaly().minChangePercent()));
    assertEquals(0, new BigDecimal("2").compareTo(d.anomaly().minChangeAbsolute()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "absent", value = {"true, true", "false, false", "absent, true"})
  void shouldReadTheRollbackSwitchDefaultingToOn(String given, boolean expected) {
    ParsedMetric parsed = parser.parse("db/metrics/checkout_rollback.sql", ("""
        -- name: Checkout rollback
        -- code: CKRB
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: x
        -- linked_services: checkout-api
        """ + (given == null ? "" : "-- auto_rollback: " + given + "\n") + """
        select count(*) as value from marts.t where t >= :window_start and t < :window_end
        """).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), parsed.problems());
    assertEquals(expected, parsed.definition().autoRollback());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "False", "0", "off", "true, false"})
  void shouldRefuseARollbackSwitchOtherThanTrueOrFalseAtItsLine(String given) {
    List<DefinitionProblem> problems = problems("checkout_rollback", """
        -- name: Checkout rollback
        -- code: CKRB
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: x
        -- auto_rollback: %s
        select count(*) as value from marts.t where t >= :window_start and t < :window_end
        """.formatted(given));
    assertEquals(List.of("db/metrics/checkout_rollback.sql:7: auto_rollback '" + given + "': expected true or false"),
        problems.stream().map(DefinitionProblem::toString).toList());
  }

  @Test
  void shouldRefuseTheRollbackSwitchGivenTwice() {
    List<DefinitionProblem> problems = problems("checkout_rollback", """
        -- name: Checkout rollback
        -- code: CKRB
        -- period: 5m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: x
        -- auto_rollback: false
        -- auto_rollback: false
        select count(*) as value from marts.t where t >= :window_start and t < :window_end
        """);
    // Even two equal answers: each key at most once, so a later edit cannot leave the file saying two things.
    assertEquals(List.of("db/metrics/checkout_rollback.sql:8: auto_rollback: duplicate key (first given on line 7): "
        + "expected each key at most once"), problems.stream().map(DefinitionProblem::toString).toList());
  }

  @Test
  void shouldLeaveUnsetKeysNullForConsumersToDefault() throws Exception {
    MetricDefinition d = parser.parse("db/metrics/teammate_replies.sql",
        Files.readAllBytes(Path.of("../db/metrics/teammate_replies.sql"))).definition();
    assertNull(d.historyDays());
    assertNull(d.dimensionCap());
    assertNull(d.minCount());
    assertNull(d.anomaly().triggerWithinWindows());
    assertNull(d.anomaly().minChangePercent());
    assertNull(d.anomaly().minChangeAbsolute());
  }

  @Test
  void failureRatioShouldBeJudgedOnlyOverEnoughAnswers() throws Exception {
    MetricDefinition d = parser.parse("db/metrics/ai_agent_failure_ratio.sql",
        Files.readAllBytes(Path.of("../db/metrics/ai_agent_failure_ratio.sql"))).definition();
    assertEquals(0, BigDecimal.TEN.compareTo(d.minCount()));
    assertTrue(d.valueSql().contains("count(*) as count"), d.valueSql());
  }

  private List<DefinitionProblem> problems(String metricId, String text) {
    return parser.parse("db/metrics/" + metricId + ".sql", text.getBytes(StandardCharsets.UTF_8)).problems();
  }
}
