package io.heartbeat.alert.band;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs NAB's scorer (python3, standard library only) on a results folder and reads the anchors table. */
final class NabScorer {

  static final List<String> PROFILES = List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate");

  private NabScorer() {
  }

  /** Prints the scorer's per-file rows and returns the score per profile. */
  static Map<String, Double> score(Path scorer, Path data, Path labels, Path results)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder("python3", scorer.toString(), "--data", data.toString(), "--labels",
        labels.toString(), "--results", results.toString(), "--profile", "all").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("scorer failed:\n" + output);
    }
    System.out.print(output);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("NAB ")) {
        String[] parts = line.substring(4).split(":");
        scores.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
      }
    }
    return scores;
  }

  static void printTable(Map<String, Double> ours, Path anchors) throws IOException {
    List<String> lines = Files.readAllLines(anchors, StandardCharsets.UTF_8);
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("heartbeat band", PROFILES.stream().mapToDouble(p -> ours.getOrDefault(p, Double.NaN)).toArray());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      rows.put(cells[0], new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
          Double.parseDouble(cells[3])});
    }
    System.out.printf(Locale.ROOT, "%n%-20s %9s %9s %9s%n", "detector", "standard", "low_FP", "low_FN");
    rows.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(e -> System.out.printf(Locale.ROOT, "%-20s %9.2f %9.2f %9.2f%n", e.getKey(), e.getValue()[0],
            e.getValue()[1], e.getValue()[2]));
    double[] band = rows.get("heartbeat band");
    double[] htm = rows.getOrDefault("numenta", new double[] {Double.NaN, Double.NaN, Double.NaN});
    double[] best = rows.getOrDefault("ARTime", new double[] {Double.NaN, Double.NaN, Double.NaN});
    System.out.printf(Locale.ROOT, "RESULT nab standard=%.2f low_fp=%.2f low_fn=%.2f htm_standard=%.2f"
        + " htm_low_fp=%.2f htm_low_fn=%.2f artime_standard=%.2f vs_htm=%.3f%n", band[0], band[1], band[2], htm[0],
        htm[1], htm[2], best[0], band[0] / htm[0]);
  }
}
