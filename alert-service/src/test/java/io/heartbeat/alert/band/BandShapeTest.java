package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Which shape the band takes on series that are not a plain curve with normal noise. */
class BandShapeTest {

  @Test
  void shouldPickTheModelThatPredictsBest() {
    AnomalyBand flat = AnomalyBand.start(AnomalyBandTest.daily(3));
    AnomalyBand square = AnomalyBand.start(AnomalyBandTest.daily(3));
    AnomalyBand weekly = AnomalyBand.start(BandSettings.of(Synthetic.FIVE_MINUTES, 3, Synthetic.DAY));
    Synthetic noise = new Synthetic(11, 5, false);
    Synthetic week = new Synthetic(12, 5, true);
    for (int w = 0; w < 4 * Synthetic.WEEK; w++) {
      flat.learn(Synthetic.at(w), 100 + noise.gaussian() * 5);
      // High for half an hour from 09:05 every day: a shape inside an hour, only the fine profile has it.
      int ofDay = w % Synthetic.DAY;
      square.learn(Synthetic.at(w), (ofDay >= 109 && ofDay < 115 ? 80 : 20) + noise.gaussian());
      weekly.learn(Synthetic.at(w), week.value(w));
    }
    int next = 4 * Synthetic.WEEK + 100;
    assertTrue(flat.model(Synthetic.at(next)) == Model.LEVEL || flat.model(Synthetic.at(next)) == Model.HOURLY,
        "a flat series needs no fine profile: " + flat.model(Synthetic.at(next)));
    assertEquals(Model.FINE, square.model(Synthetic.at(next)));
    assertEquals(Model.WEEKLY, weekly.model(Synthetic.at(next)));
  }

  @Test
  void shouldWidenOnlyTheLongSideOfASkewedSeries() {
    AnomalyBand band = AnomalyBand.start(AnomalyBandTest.daily(3));
    SplittableRandom random = new SplittableRandom(13);
    for (int w = 0; w < 3 * Synthetic.WEEK; w++) {
      // Mostly 10 +- 1, and one window in fifty bursts to 25 to 45 (as bursty counts do).
      double burst = random.nextDouble() < 0.02 ? 15 + 20 * random.nextDouble() : 0;
      band.learn(Synthetic.at(w), 10 + (random.nextDouble() - 0.5) * 2 + burst);
    }
    Band next = band.expect(Synthetic.at(3 * Synthetic.WEEK)).orElseThrow();
    double up = next.upper() - next.expected();
    double down = next.expected() - next.lower();
    assertTrue(up > 2 * down, "upper half-width " + up + " vs lower " + down);
    assertTrue(down < 4, "the drop side stays tight: " + down);
  }

  @Test
  void shouldRelearnASlotWhosePatternChanged() {
    AnomalyBand band = AnomalyBand.start(AnomalyBandTest.daily(3));
    Synthetic series = new Synthetic(14, 2, false);
    int stop = 7 * Synthetic.DAY;
    // A job adds 100 at 55 minutes past every hour for a week, then no more (as ec2_network_in's spikes stop).
    for (int w = 0; w < stop + 3 * Synthetic.DAY; w++) {
      boolean spike = w % 12 == 11 && w < stop;
      band.learn(Synthetic.at(w), series.value(w) + (spike ? 100 : 0));
    }
    int outside = 0;
    for (int w = stop + 3 * Synthetic.DAY; w < stop + 4 * Synthetic.DAY; w++) {
      outside += band.observe(Synthetic.at(w), series.value(w)).position().orElseThrow() == Position.INSIDE ? 0 : 1;
    }
    assertTrue(outside <= 3, "quiet :55 slots three days after the job stopped, outside " + outside + " times");
  }

  @Test
  void shouldNotPageOnARatioThatIsMostlyZero() {
    AnomalyBand band = AnomalyBand.start(BandSettings.of(60, 3, 1440));
    BreachTracker tracker = new BreachTracker(3, 5, BadSide.HIGH);
    SplittableRandom random = new SplittableRandom(15);
    Breach breach = Breach.CLEAR;
    int pages = 0;
    for (int minute = 0; minute < 3 * 7 * 1440; minute++) {
      // Three to six answers a minute, 4 % failing: the failure ratio is 0 most minutes, 0.17 to 0.33 otherwise.
      int answers = 3 + random.nextInt(4);
      int failed = 0;
      for (int i = 0; i < answers; i++) {
        failed += random.nextDouble() < 0.04 ? 1 : 0;
      }
      BandStep step = band.observe(Synthetic.MONDAY.plusSeconds(60L * minute), failed / (double) answers);
      breach = tracker.step(breach, step.position().orElse(null));
      pages += breach.fired() && minute >= 7 * 1440 ? 1 : 0;
    }
    assertEquals(0, pages, "pages in two judged weeks of a quiet, mostly-zero ratio");
  }
}
