package io.heartbeat.alert.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.Criteria;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.judge.Reading;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.StoredSeries;
import io.heartbeat.alert.series.SeriesJudge;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.series.Verdict;

/** A series state written and read back judges the next window exactly as the one that never left memory. */
class SeriesCodecTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final int DAY = 86400;
  private static final SeriesKey KEY = new SeriesKey("m", SeriesKey.TOTAL);

  private final SeriesCodec codec = new SeriesCodec(new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

  @Test
  void shouldResumeBandBreachHistoryEpisodeAndRedInterval() {
    Metric metric = metric(new Anomaly(true, 3, 2, 2, 5), DAY, Direction.HIGHER_IS_BETTER);
    SeriesState live = codec.fresh(metric);
    for (int day = 0; day < 20; day++) {
      judge(live, metric, day, 100 + day % 3);
    }
    judge(live, metric, 20, 10);

    StoredSeries stored = codec.write(live);
    SeriesState restored = codec.read(metric, KEY, stored);

    assertArrayEquals(live.history().values(), restored.history().values());
    assertEquals(live.episode().snapshot(), restored.episode().snapshot());
    assertEquals(live.downStart(), restored.downStart());
    Verdict expected = judge(live, metric, 21, 10);
    Verdict actual = judge(restored, metric, 21, 10);
    assertEquals("anomalous", expected.judgement().status().wire(), "the breach held for the trigger window");
    assertEquals(expected, actual);
    assertEquals(EpisodeTracker.Phase.FIRING, restored.episode().phase());
  }

  @Test
  void shouldStartOverWhenThePeriodChangedOrTheStateIsUnreadable() {
    Metric daily = metric(Anomaly.DEFAULTS, DAY, Direction.HIGHER_IS_BETTER);
    SeriesState state = codec.fresh(daily);
    judge(state, daily, 0, 100);
    StoredSeries stored = codec.write(state);

    SeriesState hourly = codec.read(metric(Anomaly.DEFAULTS, 3600, Direction.HIGHER_IS_BETTER), KEY, stored);
    SeriesState garbled = codec.read(daily, KEY, new StoredSeries("{not json", null));

    assertNull(hourly.lastWindowStart());
    assertEquals(0, hourly.history().size());
    assertNull(garbled.lastWindowStart());
  }

  @Test
  void shouldKeepNoBandWhenTheBandIsDisabled() {
    Metric metric = metric(new Anomaly(false, 3, 3, 5, 0), DAY, Direction.LOWER_IS_BETTER);
    SeriesState state = codec.fresh(metric);
    judge(state, metric, 0, 1);

    StoredSeries stored = codec.write(state);

    assertNull(stored.band());
    assertNull(codec.read(metric, KEY, stored).detector());
    assertTrue(stored.state().contains("\"lastWindowStart\":\"2026-03-01T00:00:00Z\""), stored.state());
  }

  private static Verdict judge(SeriesState state, Metric metric, int day, double value) {
    Instant start = T0.plusSeconds((long) day * DAY);
    SeriesJudge.Settings settings = new SeriesJudge.Settings(metric.metricId(), SeriesKey.TOTAL,
        new Criteria(metric.direction(), null, 5.0), metric.anomaly(), metric.periodSeconds(), null, null,
        metric.lifecycle());
    return SeriesJudge.judge(state, settings, Reading.ok(value), start, start.plusSeconds(metric.periodSeconds()));
  }

  private static Metric metric(Anomaly anomaly, int periodSeconds, Direction direction) {
    return new Metric("m", "v1", periodSeconds == DAY ? "1d" : "1h", periodSeconds, direction, null, 5.0, null,
        LocalDate.parse("2026-12-31"), "unverified", null, null, anomaly, List.of("core-platform"));
  }
}
