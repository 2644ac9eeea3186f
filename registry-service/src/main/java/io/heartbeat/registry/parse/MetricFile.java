package io.heartbeat.registry.parse;

import java.util.Map;

/** A metric file split into its header lines (key to value and line) and its SQL body. */
public record MetricFile(String path, String metricId, Map<String, HeaderLine> header, String body, int bodyStartLine) {

  /** One `-- key: value` line. */
  public record HeaderLine(int line, String value) {
  }

  public HeaderLine line(String key) {
    return header.get(key);
  }
}
