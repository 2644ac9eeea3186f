package io.heartbeat.alert.band;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One NAB data file: its timestamps (kept as written, for the results file) and values. */
record NabSeries(String key, List<String> stamps, Instant[] times, double[] values) {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static NabSeries read(Path dataDir, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).trim().equals("timestamp,value")) {
      throw new IOException(file + ":1: expected header timestamp,value");
    }
    List<String> stamps = new ArrayList<>();
    Instant[] times = new Instant[lines.size() - 1];
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      stamps.add(cells[0]);
      times[i - 1] = LocalDateTime.parse(cells[0].substring(0, 19), STAMP).toInstant(ZoneOffset.UTC);
      values[i - 1] = Double.parseDouble(cells[1]);
    }
    return new NabSeries(dataDir.relativize(file).toString().replace('\\', '/'), stamps, times, values);
  }

  /** The period as the median step between timestamps (NAB files have gaps and the odd duplicate). */
  long periodSeconds() {
    long[] steps = new long[times.length - 1];
    for (int i = 1; i < times.length; i++) {
      steps[i - 1] = times[i].getEpochSecond() - times[i - 1].getEpochSecond();
    }
    Arrays.sort(steps);
    return Math.max(1, steps[steps.length / 2]);
  }

  long spanSeconds() {
    return times[times.length - 1].getEpochSecond() - times[0].getEpochSecond();
  }
}
