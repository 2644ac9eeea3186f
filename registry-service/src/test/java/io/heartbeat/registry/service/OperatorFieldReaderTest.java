package io.heartbeat.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.Stage;
import io.heartbeat.registry.service.EditRejected.FieldProblem;

class OperatorFieldReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OperatorFields CURRENT = new OperatorFields(new BigDecimal("5"), new BigDecimal("2"), null,
      null, null, null, null, "team-inbox", Stage.OWNED);

  private static Map<String, JsonNode> body(String json) throws Exception {
    return JSON.readValue(json, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
        JsonNode.class));
  }

  @Test
  void shouldNoteEveryFieldItCannotTake() throws Exception {
    OperatorFieldReader.Result r = OperatorFieldReader.read(CURRENT, body("""
        {"norm_value": "high", "period": "5m", "alert_value": 1, "target_due_date": "2026-13-01",
         "owner": 7, "verification_state": "pending_review", "stage": "paging", "reason": "x"}"""));
    assertEquals(List.of("period", "stage", "norm_value", "target_due_date", "verification_state", "owner"),
        r.problems().stream().map(FieldProblem::field).toList());
    // A field that could not be read keeps its current value, so the threshold rules still see a whole metric.
    assertEquals(new BigDecimal("5"), r.fields().normValue());
    assertEquals(new BigDecimal("1"), r.fields().alertValue());
    assertEquals("team-inbox", r.fields().owner());
    assertEquals(Stage.OWNED, r.fields().stage());
  }

  @Test
  void shouldTakeGoodFieldsAndReturnNullsToTheFile() throws Exception {
    OperatorFieldReader.Result r = OperatorFieldReader.read(CURRENT, body("""
        {"norm_value": null, "target_value": 9, "target_due_date": "2027-01-31", "owner": " team-x ",
         "reason": "agreed"}"""));
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertNull(r.fields().normValue());
    assertEquals(new BigDecimal("2"), r.fields().alertValue());
    assertEquals(new BigDecimal("9"), r.fields().targetValue());
    assertEquals(LocalDate.of(2027, 1, 31), r.fields().targetDueDate());
    assertEquals("team-x", r.fields().owner());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "norm_value         | \"3\"             | expected a finite number",
      "benchmark_mean     | true              | expected a finite number",
      "target_due_date    | 20270131          | expected a date as YYYY-MM-DD",
      "owner              | \"  \"            | expected a team or person",
      "verification_state | \"VERIFIED\"      | expected one of unverified, owned, verified",
      "stage              | \"owned\"         | POST /api/metrics/{id}/stage",
      "dimension          | \"customer\"      | the metric file owns the other fields"})
  void shouldSayWhatEachFieldExpects(String field, String value, String expected) throws Exception {
    List<FieldProblem> problems = OperatorFieldReader.read(CURRENT,
        body("{\"" + field + "\": " + value + "}")).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(field, problems.get(0).field());
    assertTrue(problems.get(0).message().contains(expected), problems.get(0).message());
  }
}
