package io.heartbeat.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.parse.BadMetricCorpus;
import io.heartbeat.registry.parse.MetricFileParser;
import io.heartbeat.registry.parse.ParsedMetric;

/** The code is unique across files: the first file by name keeps it; the check runs on the parsed folder. */
class CodeUniquenessTest {

  private final MetricFileParser parser = new MetricFileParser(BadMetricCorpus.MAX_BYTES);

  @Test
  void shouldRefuseTheLaterFileWithTheCodeLineAndTheOwner() {
    List<ParsedMetric> checked = CodeUniqueness.check(List.of(
        parse("checkout_attempts.sql", BadMetricCorpus.good()),
        parse(BadMetricCorpus.DUPLICATE_CODE, BadMetricCorpus.all())));
    assertTrue(checked.get(0).valid(), checked.get(0).problems().toString());
    ParsedMetric duplicate = checked.get(1);
    assertFalse(duplicate.valid());
    assertNull(duplicate.definition());
    assertEquals(List.of(new DefinitionProblem("db/metrics/duplicate_code.sql", 3, "code",
        "'CHKO' is already the code of checkout_attempts (db/metrics/checkout_attempts.sql): expected a unique code")),
        duplicate.problems());
  }

  @Test
  void anInvalidFileShouldNotTakeACode() {
    // Sorts before checkout_attempts and claims CHKO, but is invalid (bad period): it must not steal the code.
    ParsedMetric invalid = parser.parse("db/metrics/aaa_broken.sql", """
        -- name: Broken
        -- code: CHKO
        -- period: 7m
        -- direction: higher_is_better
        -- unit: attempts
        -- how_to_read: x
        select count(*)::numeric as value from marts.t where t >= :window_start and t < :window_end
        """.getBytes(StandardCharsets.UTF_8));
    List<ParsedMetric> checked = CodeUniqueness.check(List.of(invalid, parse("checkout_attempts.sql",
        BadMetricCorpus.good())));
    assertEquals(invalid.problems(), checked.get(0).problems());
    assertTrue(checked.get(1).valid(), checked.get(1).problems().toString());
  }

  @Test
  void goodMetricsShouldStayValidBesideTheWholeCorpus() {
    Map<String, byte[]> files = new TreeMap<>(BadMetricCorpus.all());
    Map<String, byte[]> good = BadMetricCorpus.good();
    files.putAll(good);
    List<ParsedMetric> parsed = files.keySet().stream().map(name -> parse(name, files)).toList();
    List<String> failures = new ArrayList<>();
    for (ParsedMetric p : CodeUniqueness.check(parsed)) {
      String name = p.file().substring("db/metrics/".length());
      if (p.valid() != good.containsKey(name)) {
        failures.add(name + " valid=" + p.valid() + " " + p.problems());
      }
      if (name.equals(BadMetricCorpus.DUPLICATE_CODE)) {
        assertEquals("code", p.problems().get(0).field());
      }
    }
    assertEquals(List.of(), failures);
  }

  private ParsedMetric parse(String name, Map<String, byte[]> files) {
    return parser.parse("db/metrics/" + name, files.get(name));
  }
}
