package io.heartbeat.alert.band;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the anomaly band over NAB data files with one configuration for all of them, writes detections in the
 * scorer's layout, runs NAB's scorer and prints the score beside the published detectors' anchors.
 * Not a test: run it with alert-service/bench/nab.sh (arguments: --nab DIR, --data DIR, --labels FILE,
 * --results DIR; JAVA_OPTS=-Dnab.key=value overrides one constant of {@link NabDetector} or {@link Tuning} for an
 * ablation).
 */
public final class NabBenchmark {

  private NabBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path nab = Path.of(options.getOrDefault("nab", "../shared/nab"));
    Path data = Path.of(options.getOrDefault("data", nab.resolve("data").toString()));
    Path labels = Path.of(options.getOrDefault("labels", nab.resolve("labels.json").toString()));
    Path results = Path.of(options.getOrDefault("results", "target/nab-results"));
    Path anchors = Path.of(options.getOrDefault("anchors", nab.resolve("anchors.tsv").toString()));
    NabDetector detector = NabOverrides.apply(NabDetector.DEFAULT);
    System.out.println("detector " + detector + (NabOverrides.any()
        ? "  (-Dnab.* ablation: not the published configuration)" : ""));

    long started = System.nanoTime();
    long rows = 0;
    for (Path file : dataFiles(data)) {
      NabSeries series = NabSeries.read(data, file);
      double[] scores = detector.scores(series);
      write(results.resolve(series.key()), series, scores);
      rows += scores.length;
      System.out.printf(Locale.ROOT, "%-52s period=%ds %s%n", series.key(), series.periodSeconds(),
          detector.settingsFor(series).seasonality().wire());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "detected %d rows in %.2f s (%.0f rows/s)%n", rows, seconds, rows / seconds);

    Map<String, Double> ours = NabScorer.score(nab.resolve("score.py"), data, labels, results);
    NabScorer.printTable(ours, anchors);
  }

  private static List<Path> dataFiles(Path data) throws IOException {
    try (Stream<Path> files = Files.walk(data, 2)) {
      return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static void write(Path out, NabSeries series, double[] scores) throws IOException {
    Files.createDirectories(out.getParent());
    StringBuilder csv = new StringBuilder("timestamp,anomaly_score\n");
    for (int i = 0; i < scores.length; i++) {
      csv.append(series.stamps().get(i)).append(',').append(String.format(Locale.ROOT, "%.6f", scores[i]))
          .append('\n');
    }
    Files.writeString(out, csv, StandardCharsets.UTF_8);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i + 1 < rest.size(); i += 2) {
      if (!rest.get(i).startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + rest.get(i));
      }
      options.put(rest.get(i).substring(2), rest.get(i + 1));
    }
    return options;
  }
}
