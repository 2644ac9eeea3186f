package io.heartbeat.alert.judge;

import java.time.Instant;

/**
 * The last values of one series, oldest first, in a fixed ring: the source of typical (μ ± σ) and of the change
 * versus the previous period. Only windows in order are added, so the newest entry is the latest window judged.
 */
public final class History {

  private final long[] windows;
  private final double[] values;
  private int size;
  private int next;

  public History(int capacity) {
    this.windows = new long[capacity];
    this.values = new double[capacity];
  }

  /** Rebuilds a history from its snapshot (epoch seconds and values, oldest first). */
  public static History restore(int capacity, long[] windowStarts, double[] values) {
    History history = new History(capacity);
    int from = Math.max(0, windowStarts.length - capacity);
    for (int i = from; i < windowStarts.length; i++) {
      history.add(windowStarts[i], values[i]);
    }
    return history;
  }

  public void add(Instant windowStart, double value) {
    add(windowStart.getEpochSecond(), value);
  }

  private void add(long windowStart, double value) {
    windows[next] = windowStart;
    values[next] = value;
    next = (next + 1) % windows.length;
    size = Math.min(size + 1, windows.length);
  }

  public int size() {
    return size;
  }

  /** Mean ± sample standard deviation of the stored values; null with fewer than two. */
  public Typical typical() {
    if (size < 2) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    double mean = sum / size;
    double squares = 0;
    for (int i = 0; i < size; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    double stddev = Math.sqrt(squares / (size - 1));
    return new Typical(mean, stddev, mean - stddev, mean + stddev, size);
  }

  /** The value of the window just before windowStart, if it is the newest one stored. */
  public Double previous(Instant windowStart, long periodSeconds) {
    if (size == 0) {
      return null;
    }
    int newest = (next - 1 + windows.length) % windows.length;
    return windows[newest] == windowStart.getEpochSecond() - periodSeconds ? values[newest] : null;
  }

  /** Window starts (epoch seconds), oldest first. */
  public long[] windowStarts() {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = windows[index(i)];
    }
    return out;
  }

  /** Values, oldest first. */
  public double[] values() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = values[index(i)];
    }
    return out;
  }

  private int index(int i) {
    return (next - size + i + windows.length) % windows.length;
  }
}
