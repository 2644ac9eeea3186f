package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandTest {

  @ParameterizedTest(name = "{0} in [8, 12] -> {1}")
  @CsvSource({
      "7.99, BELOW",
      "8, INSIDE",
      "10, INSIDE",
      "12, INSIDE",
      "12.01, ABOVE",
      "-1e9, BELOW",
      "1e9, ABOVE"})
  void shouldKeepEdgesInsideTheBand(double value, Position position) {
    assertEquals(position, new Band(10, 8, 12).position(value));
  }

  @ParameterizedTest(name = "lower={0} expected={1} upper={2} is rejected")
  @CsvSource({"11, 10, 12", "8, 10, 9", "NaN, 10, 12", "8, NaN, 12"})
  void shouldRejectBandsOutOfOrder(double lower, double expected, double upper) {
    assertThrows(IllegalArgumentException.class, () -> new Band(expected, lower, upper));
  }

  @ParameterizedTest(name = "{0} at {1} -> bad={2}")
  @CsvSource({
      "LOW, BELOW, true",
      "LOW, INSIDE, false",
      "LOW, ABOVE, false",
      "HIGH, BELOW, false",
      "HIGH, INSIDE, false",
      "HIGH, ABOVE, true",
      "BOTH, BELOW, true",
      "BOTH, INSIDE, false",
      "BOTH, ABOVE, true"})
  void shouldCountOnlyTheBadSide(BadSide side, Position position, boolean bad) {
    assertEquals(bad, side.isBad(position));
  }
}
