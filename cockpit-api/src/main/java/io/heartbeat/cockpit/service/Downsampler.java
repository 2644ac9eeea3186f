package io.heartbeat.cockpit.service;

import java.util.ArrayList;
import java.util.List;

import io.heartbeat.cockpit.model.SeriesPoint;
import io.heartbeat.cockpit.model.SeriesView;
import io.heartbeat.cockpit.model.Status;

/**
 * Buckets consecutive windows so a chart gets at most the points it asked for. A mean alone would hide a one-window
 * drop inside a bucket of sixty, so each bucket also keeps its min and max, its worst status, the band's widest edges,
 * and whether any window left the band on the bad side.
 */
final class Downsampler {

  private Downsampler() {
  }

  static int windowsPerPoint(int windows, int maxPoints) {
    return Math.max(1, (windows + maxPoints - 1) / maxPoints);
  }

  static List<SeriesView.Point> downsample(List<SeriesPoint> windows, int maxPoints, boolean higherIsBetter) {
    int per = windowsPerPoint(windows.size(), maxPoints);
    List<SeriesView.Point> points = new ArrayList<>((windows.size() + per - 1) / per);
    for (int i = 0; i < windows.size(); i += per) {
      points.add(bucket(windows.subList(i, Math.min(windows.size(), i + per)), higherIsBetter));
    }
    return points;
  }

  private static SeriesView.Point bucket(List<SeriesPoint> windows, boolean higherIsBetter) {
    double sum = 0;
    int n = 0;
    Double min = null;
    Double max = null;
    Status worst = null;
    double expSum = 0;
    int bands = 0;
    Double lo = null;
    Double hi = null;
    boolean out = false;
    for (SeriesPoint w : windows) {
      worst = worst == null || w.status().compareTo(worst) < 0 ? w.status() : worst;
      if (w.band() != null) {
        expSum += w.band().expected();
        bands++;
        lo = lo == null ? w.band().lower() : Math.min(lo, w.band().lower());
        hi = hi == null ? w.band().upper() : Math.max(hi, w.band().upper());
      }
      if (w.value() == null) {
        continue;
      }
      double v = w.value();
      sum += v;
      n++;
      min = min == null ? v : Math.min(min, v);
      max = max == null ? v : Math.max(max, v);
      if (w.band() != null && (higherIsBetter ? v < w.band().lower() : v > w.band().upper())) {
        out = true;
      }
    }
    return new SeriesView.Point(windows.get(0).windowStart(), n == 0 ? null : sum / n, min, max, worst,
        bands == 0 ? null : expSum / bands, lo, hi, out);
  }
}
