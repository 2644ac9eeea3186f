package io.heartbeat.compute.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.heartbeat.compute.model.HistoryChunk;
import io.heartbeat.compute.model.HistoryJob;
import io.heartbeat.compute.model.HistoryObservation;
import io.heartbeat.compute.model.ObservationEvent;

/**
 * Cuts consecutive history windows into chunk events of at most {@link HistoryChunk#MAX_OBSERVATIONS}
 * observations, always at window boundaries (a window's total and its dimension values travel together). Pure.
 */
public final class HistoryChunks {

  private HistoryChunks() {
  }

  /**
   * @param windows     consecutive windows' observations, the first being window {@code firstWindow} of the history
   * @param historyStart start of the history's first window; {@code windowCount} windows in all
   */
  public static List<HistoryChunk> split(HistoryJob job, Instant historyStart, int windowCount, int firstWindow,
      List<List<ObservationEvent>> windows, Instant computedAt, int maxObservations) {
    List<HistoryChunk> chunks = new ArrayList<>();
    int index = firstWindow;
    int from = 0;
    while (from < windows.size()) {
      int to = from;
      int observations = 0;
      // At least one window per chunk; the history's dimension cap keeps a window under the limit.
      while (to < windows.size() && (to == from || observations + windows.get(to).size() <= maxObservations)) {
        observations += windows.get(to).size();
        to++;
      }
      List<HistoryObservation> items = new ArrayList<>(observations);
      windows.subList(from, to).forEach(window -> window.forEach(o -> items.add(HistoryObservation.of(o))));
      int chunkWindows = to - from;
      chunks.add(chunk(job, historyStart, windowCount, index, chunkWindows, index + chunkWindows == windowCount,
          computedAt, items));
      index += chunkWindows;
      from = to;
    }
    return chunks;
  }

  /** The one chunk of a history without data: no window, last, nothing observed. */
  public static HistoryChunk empty(HistoryJob job, Instant computedAt) {
    return chunk(job, job.historyEnd(), 0, 0, 0, true, computedAt, List.of());
  }

  private static HistoryChunk chunk(HistoryJob job, Instant historyStart, int windowCount, int firstWindow,
      int chunkWindows, boolean last, Instant computedAt, List<HistoryObservation> observations) {
    return new HistoryChunk(1, HistoryChunk.TYPE, HistoryChunk.idOf(job.metricId(), job.definitionVersion(),
        firstWindow), job.metricId(), job.definitionVersion(), job.definition().period(),
        job.definition().periodSeconds(), historyStart, job.historyEnd(), windowCount, firstWindow, chunkWindows, last,
        computedAt, observations);
  }
}
