package io.heartbeat.alert.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void shouldGiveMeanAndSampleStddevOfStoredValues() {
    History history = new History(60);
    double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
    for (int i = 0; i < values.length; i++) {
      history.add(T0.plusSeconds(60L * i), values[i]);
    }

    Typical typical = history.typical();

    assertEquals(5.0, typical.mean(), 1e-12);
    assertEquals(Math.sqrt(32.0 / 7), typical.stddev(), 1e-12);
    assertEquals(typical.mean() - typical.stddev(), typical.lower(), 1e-12);
    assertEquals(typical.mean() + typical.stddev(), typical.upper(), 1e-12);
    assertEquals(8, typical.windows());
  }

  @Test
  void shouldHaveNoTypicalBelowTwoValues() {
    History history = new History(60);
    assertNull(history.typical());
    history.add(T0, 3);
    assertNull(history.typical());
  }

  @Test
  void shouldKeepOnlyTheLastWindowsOldestFirst() {
    History history = new History(3);
    for (int i = 0; i < 5; i++) {
      history.add(T0.plusSeconds(60L * i), i);
    }

    assertArrayEquals(new double[] {2, 3, 4}, history.values());
    assertEquals(3.0, history.typical().mean(), 1e-12);
    History restored = History.restore(3, history.windowStarts(), history.values());
    assertArrayEquals(history.values(), restored.values());
    assertArrayEquals(history.windowStarts(), restored.windowStarts());
  }

  @ParameterizedTest(name = "previous for window +{0}s -> {1}")
  @CsvSource(nullValues = "-", value = {"120, 20", "180, -", "60, -"})
  void shouldFindThePreviousPeriodOnlyWhenItIsTheLastWindow(long offset, Double expected) {
    History history = new History(60);
    history.add(T0, 10);
    history.add(T0.plusSeconds(60), 20);

    assertEquals(expected, history.previous(T0.plusSeconds(offset), 60));
  }

  @ParameterizedTest(name = "{0} -> {1} ({2} %)")
  @CsvSource(nullValues = "-", value = {"100, 50, -50, -50.0", "-20, -10, 10, 50.0", "0, 5, 5, -"})
  void shouldMeasureChangeAgainstPreviousValue(double previous, double value, double absolute, Double percent) {
    Change change = Change.between(previous, value);
    assertEquals(absolute, change.absolute(), 1e-12);
    assertEquals(percent, change.percent());
  }

  @ParameterizedTest(name = "value={0} mean={1} stddev={2} -> {3}")
  @CsvSource(nullValues = "-", value = {"130, 100, 10, 3.0", "85, 100, 10, -1.5", "85, -, 10, -", "85, 100, -, -",
      "85, 100, 0, -"})
  void shouldMeasureDistanceFromBenchmark(double value, Double mean, Double stddev, Double distance) {
    BenchmarkDistance benchmark = BenchmarkDistance.of(value, mean, stddev);
    assertEquals(distance, benchmark == null ? null : benchmark.distance());
  }
}
