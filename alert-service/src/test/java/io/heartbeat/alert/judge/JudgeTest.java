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

  @ParameterizedTest(name = "{0} value={1} norm={2} alert={3} bandOnly={4} band={5} -> {6}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # direction      | value | norm | alert | bandOnly | band      | status    | rule
      higher_is_better | 41    | 55   | 50    | false    | anomalous | red       | value 41 < alert_value 50 (higher_is_better): red
      higher_is_better | 52    | 55   | 50    | false    | anomalous | amber     | value 52 < norm_value 55 (higher_is_better): amber
      higher_is_better | 56    | 55   | 50    | false    | anomalous | anomalous | value 56 < band lower 58 (expected 60, higher_is_better) in 3 of the last 5 windows (trigger 3 of 5): anomalous
      higher_is_better | 56    | 55   | 50    | false    | bad1      | green     | value 56 >= norm_value 55 (higher_is_better): green
      higher_is_better | 56    | -    | -     | false    | anomalous | anomalous | value 56 < band lower 58 (expected 60, higher_is_better) in 3 of the last 5 windows (trigger 3 of 5): anomalous
      higher_is_better | 56    | -    | -     | false    | bad1      | green     | no thresholds (norm_value and alert_value not set); value 56 < band lower 58 (expected 60, higher_is_better); 1 of the last 5 windows out on the bad side (trigger 3): green
      higher_is_better | 60    | -    | -     | false    | inside    | green     | no thresholds (norm_value and alert_value not set); value 60 within band [58, 62] (expected 60): green
      higher_is_better | 70    | -    | -     | false    | inside    | green     | no thresholds (norm_value and alert_value not set); value 70 outside band [58, 62] on the good side (higher_is_better): green
      higher_is_better | 60    | -    | -     | false    | warming   | unknown   | no thresholds (norm_value and alert_value not set) and band warming up (12 of 1440 windows): unknown
      higher_is_better | 60    | -    | -     | false    | -         | unknown   | no thresholds (norm_value and alert_value not set): unknown
      higher_is_better | 60    | 55   | -     | false    | warming   | green     | value 60 >= norm_value 55 (higher_is_better): green
      lower_is_better  | 64    | -    | -     | false    | anomalous | anomalous | value 64 > band upper 62 (expected 60, lower_is_better) in 3 of the last 5 windows (trigger 3 of 5): anomalous
      higher_is_better | 70    | 55   | 50    | true     | inside    | green     | dimension judged by its band only (thresholds belong to the metric total); value 70 outside band [58, 62] on the good side (higher_is_better): green
      higher_is_better | 1     | 55   | 50    | true     | bad1      | green     | dimension judged by its band only (thresholds belong to the metric total); value 1 < band lower 58 (expected 60, higher_is_better); 1 of the last 5 windows out on the bad side (trigger 3): green
      higher_is_better | 56    | 55   | 50    | true     | anomalous | anomalous | value 56 < band lower 58 (expected 60, higher_is_better) in 3 of the last 5 windows (trigger 3 of 5): anomalous
      higher_is_better | 20    | 55   | 50    | true     | warming   | unknown   | dimension judged by its band only (thresholds belong to the metric total) and band warming up (12 of 1440 windows): unknown
      higher_is_better | 20    | 55   | 50    | true     | -         | unknown   | dimension judged by its band only (thresholds belong to the metric total); anomaly band disabled: unknown
      """)
  void shouldRankBandBetweenAmberAndGreen(String direction, double value, Double norm, Double alert, boolean bandOnly,
      String band, String status, String rule) {
    Direction dir = Direction.fromWire(direction);
    Criteria criteria = bandOnly ? Criteria.bandOnly(dir) : new Criteria(dir, norm, alert);

    Judgement judgement = Judge.judge(Reading.ok(value), criteria, check(band));

    assertEquals(status, judgement.status().wire());
    assertEquals(rule, judgement.rule());
  }

  @ParameterizedTest(name = "{0} {1} thresholds={2} band={3} -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # outcome | direction        | thresholds | band  | judged
      empty     | higher_is_better | false      | true  | 0
      empty     | higher_is_better | true       | false | 0
      empty     | higher_is_better | false      | false | -
      empty     | lower_is_better  | true       | true  | -
      ok        | lower_is_better  | false      | false | 7
      error     | higher_is_better | true       | true  | -
      """)
  void shouldFeedTheBandWhatIsJudged(String outcome, String direction, boolean thresholds, boolean band,
      Double judged) {
    Reading reading = "ok".equals(outcome) ? Reading.ok(7) : "empty".equals(outcome) ? Reading.empty()
        : Reading.error("boom");
    Criteria criteria = new Criteria(Direction.fromWire(direction), thresholds ? 5.0 : null, null);

    assertEquals(judged, Judge.valueToJudge(reading, criteria, band));
  }

  private static BandCheck check(String kind) {
    if (kind == null) {
      return null;
    }
    BandRange band = new BandRange(60, 58, 62);
    return switch (kind) {
      case "warming" -> BandCheck.warmingUp(12, 1440);
      case "inside" -> new BandCheck(band, 0, 3, 5, false, 2000, 1440, false, 6, 0);
      case "bad1" -> new BandCheck(band, 1, 3, 5, false, 2000, 1440, false, 6, 0);
      case "anomalous" -> new BandCheck(band, 3, 3, 5, true, 2000, 1440, false, 6, 0);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @CsvSource({"41.0, 41", "0.125, 0.125", "1000000, 1000000", "-2.50, -2.5", "0, 0"})
  void shouldWriteNumbersPlainly(double number, String expected) {
    assertEquals(expected, Judge.plain(number));
  }
}
