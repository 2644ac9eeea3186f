package io.heartbeat.registry.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.heartbeat.registry.model.DefinitionProblem;

/**
 * The metrics folder as a sync may trust it. A missing, unlistable or empty folder is far more often a failed mount,
 * checkout or ConfigMap than an owner deleting every metric, so it is refused rather than read as "no metrics".
 */
public final class MetricsFolder {

  /** Either the metric files (sorted by name) or why the folder was refused. */
  public record Listing(List<Path> files, DefinitionProblem refusal) {

    public boolean refused() {
      return refusal != null;
    }
  }

  private static final String NOTHING_CHANGED = "sync refused, no metric removed or changed";
  private final Path path;

  public MetricsFolder(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  /** The *.sql files not starting with '_'; a file that then cannot be read is the parser's problem, not a removal. */
  public Listing list() {
    if (Files.notExists(path)) {
      return refused("'" + path + "' does not exist: expected the metrics folder (registry.metrics-dir, "
          + "HEARTBEAT_METRICS_DIR); " + NOTHING_CHANGED);
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(path)) {
      files = entries.filter(f -> f.getFileName().toString().endsWith(".sql"))
          .filter(f -> !f.getFileName().toString().startsWith("_"))
          .sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      // Not a directory, permission denied, or an entry that failed mid-listing: a partial list would read as deletions.
      return refused("'" + path + "' cannot be listed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "): expected a readable folder of metric files; " + NOTHING_CHANGED);
    }
    if (files.isEmpty()) {
      return refused("'" + path + "' holds no metric files (*.sql not starting with '_'): expected at least one; "
          + NOTHING_CHANGED + " (an empty folder never removes metrics: retire them by stage, docs/lifecycle.md)");
    }
    return new Listing(files, null);
  }

  /** Paths as owners know them: db/metrics/x.sql rather than an absolute path. */
  public String shown(Path file) {
    return shown() + "/" + file.getFileName();
  }

  /** The folder as owners know it: db/metrics. */
  public String shown() {
    Path parent = path.getParent();
    return parent != null && parent.getFileName() != null ? parent.getFileName() + "/" + path.getFileName()
        : String.valueOf(path.getFileName());
  }

  private Listing refused(String message) {
    return new Listing(List.of(), new DefinitionProblem(shown(), 0, "folder", message));
  }
}
