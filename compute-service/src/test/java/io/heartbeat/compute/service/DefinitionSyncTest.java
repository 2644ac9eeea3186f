package io.heartbeat.compute.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lifecycle as compute applies it (docs/lifecycle.md), through real Kafka: a metric at {@code discovery} or
 * {@code retired} has no definition in force and no window computed; a move to one of them stops a computation under
 * way, and a move back to a computed stage starts again at the most recent closed window.
 */
@QuarkusTest
class DefinitionSyncTest {

  private static final String SQL = "select extract(epoch from :window_start)::bigint as value";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ParameterizedTest
  @ValueSource(strings = {"discovery", "retired"})
  void shouldComputeNothingAtStageUntilMovedToComputedOne(String stage) throws Exception {
    String metricId = Fixtures.metricId(stage);
    DefinitionEvents.defined(metricId, SQL).stage(stage).version("aaaaaaaaaaaaaaaa").publish();
    String marker = Fixtures.metricId("marker");
    DefinitionEvents.defined(marker, SQL).publish();
    await().atMost(WAIT).until(() -> windows(marker) > 0);

    // The marker's first window is computed; several ticks (1 s in tests) later, this one has still nothing.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> !known(metricId) && windows(metricId) == 0);

    DefinitionEvents.defined(metricId, SQL).stage("drafted").version("bbbbbbbbbbbbbbbb").publish();

    await().atMost(WAIT).until(() -> windows(metricId) > 0);
    assertEquals("bbbbbbbbbbbbbbbb", Fixtures.queryValue(
        "select definition_version from compute.window_run where metric_id = ?", metricId));
  }

  @Test
  void shouldStopComputingWhenRetiredAndResumeWhenMovedBack() throws Exception {
    String metricId = Fixtures.metricId("retire");
    // In force for 23 hours while compute was down: about 1,380 windows to catch up, 60 per pass and tick, so the
    // computation is under way when the retirement arrives.
    Fixtures.insertMetric(metricId, SQL, Instant.now().minus(Duration.ofHours(23)), null);
    await().atMost(WAIT).until(() -> windows(metricId) >= 10);

    DefinitionEvents.defined(metricId, SQL).stage("retired").version("cccccccccccccccc").publish();

    await().atMost(WAIT).until(() -> !known(metricId));
    // A pass already planned may finish its windows; then nothing more.
    AtomicLong last = new AtomicLong(-1);
    await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> last.getAndSet(windows(metricId))
        == windows(metricId));
    long stopped = windows(metricId);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> windows(metricId) == stopped);
    assertTrue(stopped < 1380, "retired before the catch-up ended: " + stopped + " windows");
    Instant resumedAfter = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));

    DefinitionEvents.defined(metricId, SQL).stage("deprecated").version("dddddddddddddddd").publish();

    await().atMost(WAIT).until(() -> versionWindows(metricId, "dddddddddddddddd") > 0);
    Instant first = ((Timestamp) Fixtures.queryValue("select min(window_start) from compute.window_run "
        + "where metric_id = ? and definition_version = ?", metricId, "dddddddddddddddd")).toInstant();
    assertTrue(!first.isBefore(resumedAfter),
        "resumed at its most recent closed window, not inside the retired time: " + first);
  }

  private static boolean known(String metricId) throws Exception {
    return ((Number) Fixtures.queryValue("select count(*) from compute.metric where metric_id = ?", metricId))
        .longValue() > 0;
  }

  private static long windows(String metricId) throws Exception {
    return ((Number) Fixtures.queryValue("select count(*) from compute.window_run where metric_id = ?", metricId))
        .longValue();
  }

  private static long versionWindows(String metricId, String version) throws Exception {
    return ((Number) Fixtures.queryValue("select count(*) from compute.window_run where metric_id = ? "
        + "and definition_version = ?", metricId, version)).longValue();
  }
}
