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
 * Runs the shipped detector ({@link Detector} from {@link DetectorSettings#defaults}(period, BOTH): the settings the
 * live service uses, both sides bad since NAB's files have no direction) over NAB data files, one configuration for
 * all of them; the period of a file is its median step. Writes two result sets in the scorer's layout: anomaly_score
 * (a rarity score on the windows where the breach fires, swept by the scorer like every published detector) and
 * alert (1 exactly where the breach fires: what a user gets), runs NAB's scorer on both and prints them beside the
 * published detectors' anchors with per-category subtotals. Not a test: run it with alert-service/bench/nab.sh
 * (arguments: --nab DIR, --data DIR, --labels FILE, --results DIR, --anchors FILE; JAVA_OPTS=-Dnab.key=value
 * overrides one setting of {@link DetectorSettings} or constant of {@link Tuning} for an ablation).
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
    Path scores = results.resolve("score");
    Path alerts = results.resolve("alert");
    Tuning tuning = NabOverrides.apply(Tuning.DEFAULT);
    System.out.println("detector DetectorSettings.defaults(median step, BOTH) " + tuning + (NabOverrides.any()
        ? "  (-Dnab.* ablation: not the shipped configuration)" : ""));

    long started = System.nanoTime();
    long rows = 0;
    for (Path file : dataFiles(data)) {
      NabSeries series = NabSeries.read(data, file);
      DetectorSettings settings = NabOverrides.apply(DetectorSettings.defaults(series.periodSeconds(),
          BadSide.BOTH));
      NabStream stream = new NabStream(Detector.start(settings, tuning));
      int n = series.values().length;
      double[] score = new double[n];
      double[] alert = new double[n];
      int pages = 0;
      for (int i = 0; i < n; i++) {
        double[] out = stream.step(series.times()[i], series.values()[i]);
        alert[i] = out[0];
        score[i] = out[1];
        pages += (int) out[0];
      }
      write(scores.resolve(series.key()), series, "anomaly_score", score);
      write(alerts.resolve(series.key()), series, "alert", alert);
      rows += n;
      System.out.printf(Locale.ROOT, "%-52s period=%ds %s min_history=%d pages=%d%n", series.key(),
          series.periodSeconds(), settings.band().seasonality().wire(), settings.minHistoryWindows(), pages);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "detected %d rows in %.2f s (%.0f rows/s)%n", rows, seconds, rows / seconds);

    System.out.println("\n== anomaly_score (threshold swept by the scorer) ==");
    NabScorer.Run swept = NabScorer.score(nab.resolve("score.py"), data, labels, scores);
    System.out.println("\n== alert (1 where the shipped detector pages) ==");
    NabScorer.Run paged = NabScorer.score(nab.resolve("score.py"), data, labels, alerts);
    NabScorer.printCategories(swept, paged);
    NabScorer.printTable(swept.scores(), paged.scores(), anchors);
  }

  private static List<Path> dataFiles(Path data) throws IOException {
    try (Stream<Path> files = Files.walk(data, 2)) {
      return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static void write(Path out, NabSeries series, String column, double[] values) throws IOException {
    Files.createDirectories(out.getParent());
    StringBuilder csv = new StringBuilder("timestamp," + column + "\n");
    for (int i = 0; i < values.length; i++) {
      csv.append(series.stamps().get(i)).append(',').append(String.format(Locale.ROOT, "%.6f", values[i]))
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
    if (rest.size() % 2 != 0) {
      throw new IllegalArgumentException("option " + rest.get(rest.size() - 1) + " needs a value");
    }
    return options;
  }
}
