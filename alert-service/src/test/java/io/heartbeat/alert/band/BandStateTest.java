package io.heartbeat.alert.band;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandStateTest {

  @ParameterizedTest(name = "period {0}s")
  @CsvSource({"60", "300", "3600", "86400"})
  void shouldContinueExactlyWhereItStoppedAfterARestart(long period) {
    BandSettings settings = BandSettings.of(period, 3, 10).withWaitForWeek(false);
    AnomalyBand live = AnomalyBand.start(settings);
    Synthetic series = new Synthetic(21, 5, true);
    int windows = (int) Math.min(20_000, 40L * 86_400 / period);
    for (int w = 0; w < windows; w++) {
      // An outage in the middle leaves held-out runs, misses and streaks in the state too.
      double value = w > windows / 2 && w < windows / 2 + 40 ? 0 : series.value(w);
      live.learn(java.time.Instant.ofEpochSecond(1_767_571_200L + w * period), value);
    }
    byte[] saved = live.snapshot().toBytes();
    AnomalyBand restored = AnomalyBand.restore(BandState.fromBytes(saved));

    assertArrayEquals(saved, restored.snapshot().toBytes());
    assertTrue(saved.length < 6_000, "state of " + saved.length + " bytes");
    for (int w = windows; w < windows + 500; w++) {
      java.time.Instant at = java.time.Instant.ofEpochSecond(1_767_571_200L + w * period);
      double value = series.value(w);
      assertEquals(live.observe(at, value), restored.observe(at, value), "window " + w);
    }
  }

  @Test
  void shouldKeepWhatItLearnedUnderANewSensitivity() {
    AnomalyBand band = AnomalyBand.start(AnomalyBandTest.daily(3));
    new Synthetic(22, 5, false).feed(band, 0, 5 * Synthetic.DAY, v -> v);
    java.time.Instant next = Synthetic.at(5 * Synthetic.DAY);
    Band before = band.expect(next).orElseThrow();

    AnomalyBand wider = AnomalyBand.restore(band.snapshot(), AnomalyBandTest.daily(6));
    Band after = wider.expect(next).orElseThrow();
    assertEquals(before.expected(), after.expected(), 1e-12);
    assertEquals(2 * (before.upper() - before.expected()), after.upper() - after.expected(), 1e-9);

    AnomalyBand otherPeriod = AnomalyBand.restore(band.snapshot(), BandSettings.of(60, 3, 10));
    assertEquals(0, otherPeriod.learnedWindows(), "a new period cuts other slots: the band starts over");
  }

  @Test
  void shouldRefuseStateItCannotRead() {
    byte[] saved = AnomalyBand.start(AnomalyBandTest.daily(3)).snapshot().toBytes();
    byte[] otherVersion = saved.clone();
    otherVersion[3] = 99;

    assertThrows(IllegalArgumentException.class, () -> BandState.fromBytes(otherVersion));
    assertThrows(IllegalArgumentException.class, () -> BandState.fromBytes(Arrays.copyOf(saved, saved.length / 2)));
    assertThrows(IllegalArgumentException.class, () -> BandState.fromBytes(new byte[0]));
  }
}
