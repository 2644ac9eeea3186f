package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreachTrackerTest {

  /**
   * Positions: B below, A above, I inside, ? unknown (warming up). Phases: C clear, P pending, F firing, R
   * recovering; a capital letter after '!' marks the window that fired, after '~' the one that resolved.
   */
  @ParameterizedTest(name = "{0} trigger={1} recovery={2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # side | trigger | recovery | positions | phases
      LOW    | 3       | 2        | BBB       | P P !F
      LOW    | 3       | 2        | BBI       | P P C
      LOW    | 3       | 2        | BBAB      | P P C P
      LOW    | 3       | 2        | AAAA      | C C C C
      HIGH   | 3       | 2        | AAAA      | P P !F F
      HIGH   | 3       | 2        | BBBB      | C C C C
      BOTH   | 3       | 2        | BAB       | P P !F
      LOW    | 3       | 2        | BBBII     | P P !F R ~C
      LOW    | 3       | 2        | BBBIBII   | P P !F R F R ~C
      LOW    | 3       | 2        | BBBAA     | P P !F R ~C
      LOW    | 1       | 1        | BIB       | !F ~C !F
      LOW    | 3       | 2        | B?BB      | P P P !F
      LOW    | 3       | 2        | BBB?II    | P P !F F R ~C
      LOW    | 2       | 3        | ?BBIIIB   | C P !F R R ~C P
      """)
  void shouldFireAfterTriggerAndResolveAfterRecovery(BadSide side, int trigger, int recovery, String positions,
      String phases) {
    BreachTracker tracker = new BreachTracker(trigger, recovery, side);
    String[] expected = phases.trim().split("\\s+");
    Breach breach = Breach.CLEAR;
    for (int i = 0; i < positions.length(); i++) {
      breach = tracker.step(breach, position(positions.charAt(i)));
      String want = expected[i];
      assertEquals(want.startsWith("!"), breach.fired(), "fired at window " + i);
      assertEquals(want.startsWith("~"), breach.resolved(), "resolved at window " + i);
      assertEquals(phase(want.charAt(want.length() - 1)), breach.phase(), "phase at window " + i);
      assertEquals(breach.phase() == BreachPhase.FIRING || breach.phase() == BreachPhase.RECOVERING,
          breach.anomalous());
    }
  }

  @ParameterizedTest(name = "trigger={0} recovery={1} is rejected")
  @CsvSource({"0, 1", "1, 0", "-3, 5"})
  void shouldRejectEmptyWindows(int trigger, int recovery) {
    assertThrows(IllegalArgumentException.class, () -> new BreachTracker(trigger, recovery, BadSide.LOW));
  }

  private static Position position(char code) {
    return switch (code) {
      case 'B' -> Position.BELOW;
      case 'A' -> Position.ABOVE;
      case 'I' -> Position.INSIDE;
      case '?' -> null;
      default -> throw new IllegalArgumentException("position code " + code);
    };
  }

  private static BreachPhase phase(char code) {
    return switch (code) {
      case 'C' -> BreachPhase.CLEAR;
      case 'P' -> BreachPhase.PENDING;
      case 'F' -> BreachPhase.FIRING;
      case 'R' -> BreachPhase.RECOVERING;
      default -> throw new IllegalArgumentException("phase code " + code);
    };
  }
}
