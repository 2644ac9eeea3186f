package io.heartbeat.alert.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.alert.episode.AlertType;
import io.heartbeat.alert.sla.RedInterval;

class SeriesJudgeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Anomaly TRIGGER_2 = new Anomaly(true, 3, 2, 2, 0);
  private static final SeriesJudge.Settings TOTAL = new SeriesJudge.Settings("m", "*",
      new Criteria(Direction.HIGHER_IS_BETTER, 55.0, 50.0), TRIGGER_2, 60, 100.0, 10.0);

  @Test
  void shouldCarryTypicalChangeAndBenchmarkFromHistoryBeforeTheValue() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    judge(state, TOTAL, 0, 60);
    judge(state, TOTAL, 1, 80);

    Verdict verdict = judge(state, TOTAL, 2, 90);

    assertEquals(70.0, verdict.typical().mean(), 1e-9);
    assertEquals(2, verdict.typical().windows());
    assertEquals(80.0, verdict.change().previous());
    assertEquals(10.0, verdict.change().absolute(), 1e-9);
    assertEquals(12.5, verdict.change().percent(), 1e-9);
    assertEquals(-1.0, verdict.benchmark().distance(), 1e-9);
  }

  @Test
  void shouldJudgeLateWindowWithoutLearningOrMovingTheEpisode() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    judge(state, TOTAL, 0, 60);
    judge(state, TOTAL, 1, 40);

    Verdict replay = judge(state, TOTAL, 1, 40);
    Verdict older = judge(state, TOTAL, 0, 30);

    assertEquals(Status.RED, replay.judgement().status());
    assertNull(replay.transition());
    assertNull(replay.red());
    assertEquals(Status.RED, older.judgement().status());
    assertEquals(2, state.history().size());
    assertEquals(T0.plusSeconds(60), state.lastWindowStart());
    Verdict next = judge(state, TOTAL, 2, 40);
    assertEquals(AlertType.FIRING, next.transition().type(), "the replays did not count as bad windows");
  }

  @Test
  void shouldGrowOneRedIntervalAndStartAnotherAfterAGap() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    List<RedInterval> reds = new ArrayList<>();
    int[] windows = {0, 1, 2, 4, 5};
    double[] values = {40, 40, 60, 40, 40};
    for (int i = 0; i < windows.length; i++) {
      reds.add(judge(state, TOTAL, windows[i], values[i]).red());
    }

    assertEquals(new RedInterval("m", T0, T0.plusSeconds(60)), reds.get(0));
    assertEquals(new RedInterval("m", T0, T0.plusSeconds(120)), reds.get(1));
    assertNull(reds.get(2));
    assertEquals(new RedInterval("m", T0.plusSeconds(240), T0.plusSeconds(360)), reds.get(4));
  }

  @Test
  void shouldJudgeDimensionByItsBandOnly() {
    SeriesJudge.Settings dimension = new SeriesJudge.Settings("m", "customer=acme",
        Criteria.bandOnly(Direction.HIGHER_IS_BETTER), TRIGGER_2, 60, null, null);
    ScriptedBand band = new ScriptedBand();
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, band);

    band.next = new BandCheck(new BandRange(60, 50, 70), 1, 2, false, 100, 0);
    Verdict first = judge(state, dimension, 0, 20);
    band.next = new BandCheck(new BandRange(60, 50, 70), 2, 2, true, 101, 0);
    Verdict second = judge(state, dimension, 1, 20);

    assertEquals(Status.GREEN, first.judgement().status(), "20 is below alert_value of the total, but not its own");
    assertEquals(Status.ANOMALOUS, second.judgement().status());
    assertEquals(AlertType.FIRING, second.transition().type());
    assertNull(second.red(), "only metric totals count as SLA downtime");
    assertNull(second.benchmark());
    assertNotNull(second.band());
    assertEquals(List.of("observe", "observe"), band.calls);
  }

  @Test
  void shouldAskTheBandWithoutLearningForALateWindow() {
    ScriptedBand band = new ScriptedBand();
    band.next = new BandCheck(new BandRange(60, 50, 70), 0, 2, false, 100, 0);
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, band);
    judge(state, TOTAL, 1, 60);
    judge(state, TOTAL, 0, 60);

    assertEquals(List.of("observe", "peek"), band.calls);
  }

  private static Verdict judge(SeriesState state, SeriesJudge.Settings settings, int window, double value) {
    Instant start = T0.plusSeconds(60L * window);
    return SeriesJudge.judge(state, settings, Reading.ok(value), start, start.plusSeconds(60));
  }

  /** A band that answers what the test scripts and records how it was asked. */
  private static final class ScriptedBand implements SeriesBand {
    BandCheck next;
    final List<String> calls = new ArrayList<>();

    @Override
    public BandCheck observe(Instant windowStart, double value) {
      calls.add("observe");
      return next;
    }

    @Override
    public BandCheck peek(Instant windowStart, double value) {
      calls.add("peek");
      return next;
    }
  }
}
