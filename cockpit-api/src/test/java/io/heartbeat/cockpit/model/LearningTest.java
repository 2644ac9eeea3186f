package io.heartbeat.cockpit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The learning progress read from alert-service's rule prefix, one row per wording. */
class LearningTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "learning history: 6,120 of 20,160 windows; green: value within the band | 6120 | 20160",
      "learning history: 1 of 20,160 windows; green: band warming up            | 1    | 20160",
      "learning history: 12 of 12 windows; amber: below norm                    | 12   | 12",
      "history learned: 20,160 windows; green: value within the band            | null | null",
      "green: value within the band                                             | null | null",
      "red: below alert 40 (learning history: 3 of 9 windows)                   | null | null",
      "learning history: many of 20,160 windows;                                | null | null",
      "null                                                                     | null | null"})
  void shouldReadLearningProgressFromRulePrefix(String rule, Integer window, Integer windows) {
    Learning expected = window == null ? null : new Learning(window, windows);
    assertEquals(expected, Learning.fromRule(rule));
  }
}
