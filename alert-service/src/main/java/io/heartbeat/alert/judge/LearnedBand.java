package io.heartbeat.alert.judge;

import java.time.Instant;
import java.util.Optional;

import io.heartbeat.alert.band.AnomalyBand;
import io.heartbeat.alert.band.BadSide;
import io.heartbeat.alert.band.Band;
import io.heartbeat.alert.band.BandStep;
import io.heartbeat.alert.band.Breach;
import io.heartbeat.alert.band.BreachPhase;
import io.heartbeat.alert.band.BreachTracker;
import io.heartbeat.alert.band.Position;

/**
 * A series' anomaly band (package band) with its breach tracker, as the judgement asks it. A window is anomalous
 * while the breach fires, that is on the bad side after the trigger window; a window back inside the band is not
 * (the episode's recovery window then decides when the alert resolves, so recovery is not counted twice).
 */
public final class LearnedBand implements SeriesBand {

  private final AnomalyBand band;
  private final BreachTracker tracker;
  private Breach breach;

  public LearnedBand(AnomalyBand band, BreachTracker tracker, Breach breach) {
    this.band = band;
    this.tracker = tracker;
    this.breach = breach == null ? Breach.CLEAR : breach;
  }

  /** The tracker for a direction: only the bad side of the band counts. */
  public static BreachTracker tracker(Direction direction, Anomaly anomaly) {
    return new BreachTracker(anomaly.triggerWindows(), anomaly.recoveryWindows(),
        direction == Direction.HIGHER_IS_BETTER ? BadSide.LOW : BadSide.HIGH);
  }

  @Override
  public BandCheck observe(Instant windowStart, double value) {
    BandStep step = band.observe(windowStart, value);
    breach = tracker.step(breach, step.position().orElse(null));
    return check(step.band(), breach);
  }

  @Override
  public BandCheck peek(Instant windowStart, double value) {
    Optional<Band> expected = band.expect(windowStart);
    Position position = expected.map(b -> b.position(value)).orElse(null);
    return check(expected.orElse(null), tracker.step(breach, position));
  }

  public AnomalyBand band() {
    return band;
  }

  public Breach breach() {
    return breach;
  }

  private BandCheck check(Band expected, Breach after) {
    long learned = band.learnedWindows();
    long needed = band.settings().minHistoryWindows();
    if (expected == null) {
      return BandCheck.warmingUp(learned, needed);
    }
    return new BandCheck(new BandRange(expected.expected(), expected.lower(), expected.upper()), after.badRun(),
        tracker.triggerWindows(), after.phase() == BreachPhase.FIRING, learned, needed);
  }
}
