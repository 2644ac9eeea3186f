package io.heartbeat.alert.model;

/** One judged series: a metric total (series "*") or one dimension value ("customer=acme"), as in observation ids. */
public record SeriesKey(String metricId, String series) {

  public static final String TOTAL = "*";

  public static SeriesKey of(String metricId, Dimension dimension) {
    return new SeriesKey(metricId, dimension == null ? TOTAL : dimension.kind() + "=" + dimension.value());
  }

  public boolean total() {
    return TOTAL.equals(series);
  }

  /** The dimension this series is of, null for the metric total. */
  public Dimension dimension() {
    if (total()) {
      return null;
    }
    int eq = series.indexOf('=');
    return new Dimension(series.substring(0, eq), series.substring(eq + 1));
  }
}
