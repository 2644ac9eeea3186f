package io.heartbeat.alert.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where a history observation stands in its metric's history: window (0-based) of windows, and whether it belongs
 * to the chunk that ends the history.
 */
@RegisterForReflection
public record HistoryMark(int window, int windows, boolean last) {

  /** True for the history's last window: from the next window on the metric is judged live. */
  public boolean ends() {
    return window == windows - 1;
  }
}
