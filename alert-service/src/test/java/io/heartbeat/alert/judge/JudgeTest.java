package io.heartbeat.alert.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {

  @ParameterizedTest(name = "{0} {1} value={2} norm={3} alert={4} -> {5}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # outcome | direction        | value | norm | alert | status  | judged | rule
      ok        | higher_is_better | 60    | 55   | 50    | green   | 60     | value 60 >= norm_value 55 (higher_is_better): green
      ok        | higher_is_better | 55    | 55   | 50    | green   | 55     | value 55 >= norm_value 55 (higher_is_better): green
      ok        | higher_is_better | 52    | 55   | 50    | amber   | 52     | value 52 < norm_value 55 (higher_is_better): amber
      ok        | higher_is_better | 50    | 55   | 50    | amber   | 50     | value 50 < norm_value 55 (higher_is_better): amber
      ok        | higher_is_better | 41    | 55   | 50    | red     | 41     | value 41 < alert_value 50 (higher_is_better): red
      ok        | higher_is_better | 41    | -    | 50    | red     | 41     | value 41 < alert_value 50 (higher_is_better): red
      ok        | higher_is_better | 60    | -    | 50    | green   | 60     | value 60 >= alert_value 50 (higher_is_better): green
      ok        | higher_is_better | 52    | 55   | -     | amber   | 52     | value 52 < norm_value 55 (higher_is_better): amber
      ok        | higher_is_better | 10    | -    | -     | unknown | 10     | no thresholds (norm_value and alert_value not set): unknown
      ok        | lower_is_better  | 3     | 5    | 10    | green   | 3      | value 3 <= norm_value 5 (lower_is_better): green
      ok        | lower_is_better  | 5     | 5    | 10    | green   | 5      | value 5 <= norm_value 5 (lower_is_better): green
      ok        | lower_is_better  | 7     | 5    | 10    | amber   | 7      | value 7 > norm_value 5 (lower_is_better): amber
      ok        | lower_is_better  | 10    | 5    | 10    | amber   | 10     | value 10 > norm_value 5 (lower_is_better): amber
      ok        | lower_is_better  | 12    | 5    | 10    | red     | 12     | value 12 > alert_value 10 (lower_is_better): red
      ok        | lower_is_better  | 0.125 | 0.1  | -     | amber   | 0.125  | value 0.125 > norm_value 0.1 (lower_is_better): amber
      ok        | lower_is_better  | 8     | -    | 10    | green   | 8      | value 8 <= alert_value 10 (lower_is_better): green
      ok        | lower_is_better  | -3    | -    | -     | unknown | -3     | no thresholds (norm_value and alert_value not set): unknown
      empty     | higher_is_better | -     | 55   | 50    | red     | 0      | empty window judged as 0; value 0 < alert_value 50 (higher_is_better): red
      empty     | higher_is_better | -     | 55   | -     | amber   | 0      | empty window judged as 0; value 0 < norm_value 55 (higher_is_better): amber
      empty     | higher_is_better | -     | -    | -     | unknown | -      | no value in window
      empty     | lower_is_better  | -     | 5    | 10    | unknown | -      | no value in window
      ok        | higher_is_better | -     | 55   | 50    | red     | 0      | empty window judged as 0; value 0 < alert_value 50 (higher_is_better): red
      error     | higher_is_better | -     | 55   | 50    | error   | -      | value could not be computed: boom: error
      error     | lower_is_better  | -     | -    | -     | error   | -      | value could not be computed: boom: error
      error     | none             | -     | -    | -     | error   | -      | value could not be computed: boom: error
      ok        | none             | 60    | -    | -     | unknown | 60     | definition not yet known
      empty     | none             | -     | -    | -     | unknown | -      | definition not yet known
      """)
  void shouldJudgeByPriority(String outcomeWire, String direction, Double value, Double norm, Double alert,
      String status, Double judged, String rule) {
    Outcome outcome = Outcome.fromWire(outcomeWire);
    Reading reading = new Reading(outcome, value, outcome == Outcome.ERROR ? "boom" : null);
    Criteria criteria = "none".equals(direction) ? null
        : new Criteria(Direction.fromWire(direction), norm, alert);

    Judgement judgement = Judge.judge(reading, criteria);

    assertEquals(status, judgement.status().wire());
    assertEquals(judged, judgement.value());
    assertEquals(rule, judgement.rule());
  }

  @ParameterizedTest
  @CsvSource({"41.0, 41", "0.125, 0.125", "1000000, 1000000", "-2.50, -2.5", "0, 0"})
  void shouldWriteNumbersPlainly(double number, String expected) {
    assertEquals(expected, Judge.plain(number));
  }
}
