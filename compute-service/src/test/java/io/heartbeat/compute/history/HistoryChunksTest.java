package io.heartbeat.compute.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.compute.model.Dimension;
import io.heartbeat.compute.model.HistoryChunk;
import io.heartbeat.compute.model.HistoryJob;
import io.heartbeat.compute.model.HistoryState;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;

/** Chunks cut at window boundaries within the observation limit, with the history's progress fields. */
class HistoryChunksTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @ParameterizedTest(name = "{0} windows of {1} observations, limit {2}")
  @CsvSource({
      "10, 1, 2000, 1",
      "10, 3, 9, 4",
      "10, 3, 10, 4",
      "4, 5, 4, 4",
      "2000, 1, 2000, 1",
      "2001, 1, 2000, 2"})
  void shouldCutAtWindowBoundariesWithinLimit(int windows, int perWindow, int limit, int expectedChunks) {
    HistoryJob job = job();
    int firstWindow = 3;
    int total = firstWindow + windows;
    List<List<ObservationEvent>> observations = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      Instant start = START.plusSeconds(60L * (firstWindow + w));
      List<ObservationEvent> window = new ArrayList<>();
      for (int d = 0; d < perWindow; d++) {
        window.add(observation(start, d == 0 ? null : new Dimension("region", "r" + d)));
      }
      observations.add(window);
    }

    List<HistoryChunk> chunks = HistoryChunks.split(job, START, total, firstWindow, observations, START, limit);

    assertEquals(expectedChunks, chunks.size());
    int next = firstWindow;
    for (HistoryChunk chunk : chunks) {
      assertEquals(next, chunk.firstWindow(), "consecutive");
      assertEquals(chunk.chunkWindows() * perWindow, chunk.observations().size(), "whole windows only");
      assertTrue(chunk.observations().size() <= Math.max(limit, perWindow));
      assertEquals(HistoryChunk.idOf("m", "v1", chunk.firstWindow()), chunk.id());
      assertEquals(total, chunk.windows());
      assertEquals(START, chunk.historyStart());
      next += chunk.chunkWindows();
    }
    assertEquals(total, next);
    assertEquals(List.of(true), chunks.stream().filter(HistoryChunk::last).map(HistoryChunk::last).toList());
    assertTrue(chunks.get(chunks.size() - 1).last(), "the last window's chunk says so");
  }

  private static HistoryJob job() {
    return new HistoryJob("m", "v1", new MetricDefinition("1m", 60, "select 1 as value", "region", null),
        START, START.plusSeconds(86_400), null, null, START, 0, 0, Map.of(), HistoryState.RUNNING, START, true);
  }

  private static ObservationEvent observation(Instant start, Dimension dimension) {
    return new ObservationEvent(1, ObservationEvent.idOf("m", "v1", start, dimension), "m", "v1", "1m", start,
        start.plusSeconds(60), start, Status.OK, BigDecimal.ONE, dimension, null, null, null);
  }
}
