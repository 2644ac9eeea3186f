package io.heartbeat.alert.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.alert.band.Detector;
import io.heartbeat.alert.episode.AlertType;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.Criteria;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.judge.Reading;
import io.heartbeat.alert.judge.Status;
import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.sla.Downtime;

class SeriesJudgeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Anomaly TRIGGER_2 = new Anomaly(true, 3, 2, 2, 0);
  private static final SeriesJudge.Settings TOTAL = new SeriesJudge.Settings("m", "*",
      new Criteria(Direction.HIGHER_IS_BETTER, 55.0, 50.0), TRIGGER_2, 60, 100.0, 10.0, Stage.UNVERIFIED);

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
    assertNull(replay.downtime());
    assertEquals(Status.RED, older.judgement().status());
    assertEquals(2, state.history().size());
    assertEquals(T0.plusSeconds(60), state.lastWindowStart());
    Verdict next = judge(state, TOTAL, 2, 40);
    assertEquals(AlertType.FIRING, next.transition().type(), "the replays did not count as bad windows");
  }

  @Test
  void shouldGrowOneRedIntervalAndStartAnotherAfterAGap() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    List<Downtime> reds = new ArrayList<>();
    int[] windows = {0, 1, 2, 4, 5};
    double[] values = {40, 40, 60, 40, 40};
    for (int i = 0; i < windows.length; i++) {
      reds.add(judge(state, TOTAL, windows[i], values[i]).downtime());
    }

    assertEquals(new Downtime("m", T0, T0.plusSeconds(60), Downtime.Kind.DOWN), reds.get(0));
    assertEquals(new Downtime("m", T0, T0.plusSeconds(120), Downtime.Kind.DOWN), reds.get(1));
    assertNull(reds.get(2));
    assertEquals(new Downtime("m", T0.plusSeconds(240), T0.plusSeconds(360), Downtime.Kind.DOWN), reds.get(4));
  }

  @Test
  void shouldJudgeDimensionByItsBandOnly() {
    SeriesJudge.Settings dimension = new SeriesJudge.Settings("m", "customer=acme",
        Criteria.bandOnly(Direction.HIGHER_IS_BETTER), TRIGGER_2, 60, null, null, Stage.UNVERIFIED);
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, detector(TRIGGER_2));
    // Eight days of minutes: the live band judges a window once its hour of the week was seen.
    int learned = 8 * 1440;
    learnSteady(state, dimension, learned);

    Verdict first = judge(state, dimension, learned, 20);
    Verdict second = judge(state, dimension, learned + 1, 20);

    assertEquals(Status.GREEN, first.judgement().status(), "20 is below alert_value of the total, but not its own");
    assertEquals(Status.ANOMALOUS, second.judgement().status(), second.judgement().rule());
    assertEquals(AlertType.FIRING, second.transition().type());
    assertNull(second.downtime(), "only metric totals count as SLA downtime");
    assertNull(second.benchmark());
    assertNotNull(second.band());
  }

  @Test
  void shouldAskTheBandWithoutLearningForALateWindow() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, detector(TRIGGER_2));
    judge(state, TOTAL, 1, 60);
    long learned = state.detector().learnedWindows();
    judge(state, TOTAL, 0, 60);

    assertEquals(learned, state.detector().learnedWindows());
  }

  @Test
  void shouldLearnHistoryWithoutEpisodesOrDowntime() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, detector(TRIGGER_2));
    for (int w = 0; w < 5; w++) {
      Verdict verdict = SeriesJudge.judge(state, TOTAL, Reading.ok(10), T0.plusSeconds(60L * w),
          T0.plusSeconds(60L * w + 60), SeriesJudge.Mode.HISTORY);
      assertEquals(Status.RED, verdict.judgement().status());
      assertNull(verdict.transition(), "history never opens an episode");
      assertNull(verdict.downtime(), "history never counts as downtime");
    }
    assertEquals(5, state.detector().learnedWindows());
    assertEquals(T0.plusSeconds(240), state.lastWindowStart());
  }

  @Test
  void shouldFireOnAFlappingSeriesThreeOfFive() {
    Anomaly flapping = new Anomaly(true, 3, 3, 5, 0, 5, null, null);
    SeriesJudge.Settings settings = new SeriesJudge.Settings("m", "*",
        new Criteria(Direction.HIGHER_IS_BETTER, 55.0, 50.0), flapping, 60, null, null, Stage.UNVERIFIED);
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    double[] values = {40, 60, 40, 60, 40};
    Verdict last = null;
    for (int w = 0; w < values.length; w++) {
      last = judge(state, settings, w, values[w]);
    }
    assertEquals(AlertType.FIRING, last.transition().type(), "red in 3 of the last 5 windows fires");
  }

  @Test
  void shouldOpenAnEpisodeForErrorsAndCountThemUnmeasured() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    Verdict first = SeriesJudge.judge(state, TOTAL, Reading.error("division by zero"), T0, T0.plusSeconds(60));
    Verdict second = SeriesJudge.judge(state, TOTAL, Reading.error("division by zero"), T0.plusSeconds(60),
        T0.plusSeconds(120));

    assertEquals(Status.ERROR, second.judgement().status());
    assertNull(first.transition());
    assertEquals(AlertType.FIRING, second.transition().type(), "a broken value_sql pages its owner");
    assertEquals(new Downtime("m", T0, T0.plusSeconds(120), Downtime.Kind.UNMEASURED), second.downtime());
  }

  @Test
  void shouldNotJudgeAWindowWithTooFewEvents() {
    SeriesJudge.Settings ratio = new SeriesJudge.Settings("m", "*",
        new Criteria(Direction.LOWER_IS_BETTER, 0.15, 0.4).withMinCount(20.0), TRIGGER_2, 60, null, null,
        Stage.UNVERIFIED);
    SeriesState state = SeriesState.fresh(60, Direction.LOWER_IS_BETTER, null);

    Verdict few = SeriesJudge.judge(state, ratio, new Reading(io.heartbeat.alert.judge.Outcome.OK, 0.67, null, 3.0),
        T0, T0.plusSeconds(60));
    Verdict enough = SeriesJudge.judge(state, ratio,
        new Reading(io.heartbeat.alert.judge.Outcome.OK, 0.67, null, 30.0), T0.plusSeconds(60), T0.plusSeconds(120));

    assertEquals(Status.UNKNOWN, few.judgement().status());
    assertEquals("too few events to judge: count 3 < min_count 20", few.judgement().rule());
    assertEquals(Status.RED, enough.judgement().status());
  }

  @Test
  void shouldJudgeWithoutEpisodeOrDowntimeInAStageThatOpensNone() {
    SeriesJudge.Settings provisional = at(Stage.PROVISIONAL);
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);

    for (int w = 0; w < 4; w++) {
      Verdict red = judge(state, provisional, w, 40);
      assertEquals(Status.RED, red.judgement().status(), "judged: the tile shows its colour");
      assertNull(red.transition(), "provisional opens no episode");
      assertNull(red.downtime(), "provisional counts no SLA downtime");
    }
    assertEquals(EpisodeTracker.Phase.IDLE, state.episode().phase());
    assertNull(SeriesJudge.stale(state, TRIGGER_2, Stage.PROVISIONAL, T0.plusSeconds(240), T0.plusSeconds(300)));
    assertNull(SeriesJudge.staleDowntime(state, "m", Stage.PROVISIONAL, T0.plusSeconds(240), T0.plusSeconds(600)));
    assertEquals(4, state.history().size(), "the band and typical still learn");
  }

  @Test
  void shouldEndAFiringEpisodeAndTheRedIntervalOnTheFirstWindowInAStageWithoutEpisodes() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    judge(state, TOTAL, 0, 40);
    assertEquals(AlertType.FIRING, judge(state, TOTAL, 1, 40).transition().type());

    Verdict deprecated = judge(state, at(Stage.DEPRECATED), 2, 40);

    assertEquals(AlertType.RESOLVED, deprecated.transition().type());
    assertEquals("stage deprecated opens no episodes", deprecated.transition().reason());
    assertNull(deprecated.downtime());
    Verdict revived = judge(state, TOTAL, 3, 40);
    assertNull(revived.transition(), "back in unverified the episode starts from nothing (trigger 2)");
    assertEquals(new Downtime("m", T0.plusSeconds(180), T0.plusSeconds(240), Downtime.Kind.DOWN), revived.downtime(),
        "a new red interval, not the one from before the deprecation");
  }

  @Test
  void shouldDropAPendingRunInAStageWithoutEpisodes() {
    SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
    judge(state, TOTAL, 0, 40);
    assertEquals(EpisodeTracker.Phase.PENDING, state.episode().phase());

    assertNull(judge(state, at(Stage.DRAFTED), 1, 40).transition(), "a pending run never fired: nothing to say");
    assertEquals(EpisodeTracker.Phase.IDLE, state.episode().phase());
  }

  @Test
  void shouldFireAndCountDowntimeOnAStaleSilenceInEveryAlertingStage() {
    for (Stage stage : List.of(Stage.UNVERIFIED, Stage.OWNED, Stage.VERIFIED, Stage.PAGING)) {
      SeriesState state = SeriesState.fresh(60, Direction.HIGHER_IS_BETTER, null);
      assertEquals(AlertType.FIRING, SeriesJudge.stale(state, TRIGGER_2, stage, T0, T0.plusSeconds(60)).type(),
          stage.wire());
      assertEquals(new Downtime("m", T0, T0.plusSeconds(600), Downtime.Kind.DOWN),
          SeriesJudge.staleDowntime(state, "m", stage, T0, T0.plusSeconds(600)), stage.wire());
    }
  }

  private static SeriesJudge.Settings at(Stage stage) {
    return new SeriesJudge.Settings(TOTAL.metricId(), TOTAL.series(), TOTAL.criteria(), TOTAL.anomaly(),
        TOTAL.periodSeconds(), TOTAL.benchmarkMean(), TOTAL.benchmarkStddev(), stage);
  }

  private static Detector detector(Anomaly anomaly) {
    return SeriesDetectors.create(60, Direction.HIGHER_IS_BETTER, anomaly);
  }

  // A steady series around 60 (small noise) until the band judges.
  private static void learnSteady(SeriesState state, SeriesJudge.Settings settings, int windows) {
    for (int w = 0; w < windows; w++) {
      judge(state, settings, w, 60 + (w % 5) - 2);
    }
  }

  private static Verdict judge(SeriesState state, SeriesJudge.Settings settings, int window, double value) {
    Instant start = T0.plusSeconds(60L * window);
    return SeriesJudge.judge(state, settings, Reading.ok(value), start, start.plusSeconds(60));
  }
}
