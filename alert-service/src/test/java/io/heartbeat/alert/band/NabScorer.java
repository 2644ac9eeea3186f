package io.heartbeat.alert.band;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs NAB's scorer (python3, standard library only) on a results folder, sums its per-file rows (standard profile)
 * per category folder, and reads the anchors table.
 */
final class NabScorer {

  static final List<String> PROFILES = List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate");

  private NabScorer() {
  }

  /** One category's standard-profile subtotal: windows, windows found, false-positive rows, raw score. */
  record Category(int files, int windows, int found, int falsePositives, double raw) {
    Category plus(int windows, int found, int falsePositives, double raw) {
      return new Category(files + 1, this.windows + windows, this.found + found,
          this.falsePositives + falsePositives, this.raw + raw);
    }

    /** NAB's normalisation on this category alone: never firing 0, perfect 100 (NaN without windows). */
    double normalised() {
      return windows == 0 ? Double.NaN : 100.0 * (raw + windows) / (2.0 * windows);
    }
  }

  record Run(Map<String, Double> scores, Map<String, Category> categories) {
  }

  /** Prints the scorer's per-file rows and returns the score per profile and the per-category subtotals. */
  static Run score(Path scorer, Path data, Path labels, Path results) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("python3", scorer.toString(), "--data", data.toString(), "--labels",
        labels.toString(), "--results", results.toString(), "--profile", "all").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("scorer failed:\n" + output);
    }
    System.out.print(output);
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Category> categories = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("NAB ")) {
        String[] parts = line.substring(4).split(":");
        scores.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
        continue;
      }
      String[] cells = line.trim().split("\\s+");
      if (cells.length == 5 && cells[0].contains("/") && cells[0].endsWith(".csv")) {
        String category = cells[0].substring(0, cells[0].indexOf('/'));
        categories.put(category, categories.getOrDefault(category, new Category(0, 0, 0, 0, 0)).plus(
            Integer.parseInt(cells[1]), Integer.parseInt(cells[2]), Integer.parseInt(cells[3]),
            Double.parseDouble(cells[4])));
      }
    }
    return new Run(scores, categories);
  }

  static void printCategories(Run swept, Run paged) {
    System.out.printf(Locale.ROOT, "%nper category (standard profile; score = NAB's normalisation on the category"
        + " alone)%n%-22s %5s %7s | %-28s | %-28s%n", "category", "files", "windows",
        "anomaly_score: found fp raw score", "alert: found fp raw score");
    Category zero = new Category(0, 0, 0, 0, 0);
    for (String category : swept.categories().keySet()) {
      Category s = swept.categories().get(category);
      Category a = paged.categories().getOrDefault(category, zero);
      System.out.printf(Locale.ROOT, "%-22s %5d %7d | %5d %4d %8.2f %7.2f | %5d %4d %8.2f %7.2f%n", category,
          s.files(), s.windows(), s.found(), s.falsePositives(), s.raw(), s.normalised(), a.found(),
          a.falsePositives(), a.raw(), a.normalised());
    }
  }

  static void printTable(Map<String, Double> swept, Map<String, Double> paged, Path anchors) throws IOException {
    List<String> lines = Files.readAllLines(anchors, StandardCharsets.UTF_8);
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("band (swept score)", PROFILES.stream().mapToDouble(p -> swept.getOrDefault(p, Double.NaN)).toArray());
    rows.put("band (alert)", PROFILES.stream().mapToDouble(p -> paged.getOrDefault(p, Double.NaN)).toArray());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      rows.put(cells[0], new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
          Double.parseDouble(cells[3])});
    }
    System.out.printf(Locale.ROOT, "%n%-20s %9s %9s %9s%n", "detector", "standard", "low_FP", "low_FN");
    rows.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(e -> System.out.printf(Locale.ROOT, "%-20s %9.2f %9.2f %9.2f%n", e.getKey(), e.getValue()[0],
            e.getValue()[1], e.getValue()[2]));
    double[] band = rows.get("band (swept score)");
    double[] alert = rows.get("band (alert)");
    double[] none = {Double.NaN, Double.NaN, Double.NaN};
    double[] htm = rows.getOrDefault("numenta", none);
    double[] best = rows.getOrDefault("ARTime", none);
    System.out.printf(Locale.ROOT, "RESULT nab standard=%.2f low_fp=%.2f low_fn=%.2f alert_standard=%.2f"
        + " alert_low_fp=%.2f alert_low_fn=%.2f htm_standard=%.2f artime_standard=%.2f%n", band[0], band[1], band[2],
        alert[0], alert[1], alert[2], htm[0], best[0]);
  }
}
