package io.heartbeat.registry.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.Direction;

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

  private List<DefinitionProblem> problems(String metricId, String text) {
    return parser.parse("db/metrics/" + metricId + ".sql", text.getBytes(StandardCharsets.UTF_8)).problems();
  }
}
