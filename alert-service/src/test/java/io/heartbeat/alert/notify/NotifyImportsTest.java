package io.heartbeat.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The acting code reads only its own model: nothing in notify imports the judging core (band, judge, episode,
 * series) or the service's plumbing, so the judging code can change without a page changing, and the acting half
 * can later move into its own service.
 */
class NotifyImportsTest {

  private static final Path SOURCES = Path.of("src/main/java/io/heartbeat/alert/notify");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.heartbeat\\.alert\\.[\\w.]+);",
      Pattern.MULTILINE);
  /**
   * What notify may use of alert-service: itself, the plain event records of model, and the lifecycle table (pure),
   * which routing asks whether a stage pages a human or notifies channels rather than naming stages itself, and
   * the deployments (acting code too), which the rollback and the responder context read.
   */
  private static final List<String> ALLOWED = List.of("io.heartbeat.alert.notify.", "io.heartbeat.alert.model.",
      "io.heartbeat.alert.lifecycle.", "io.heartbeat.alert.deploy.");

  @Test
  void shouldImportNoJudgingCode() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(path -> path.toString().endsWith(".java")).toList();
    }
    assertTrue(files.size() > 20, "found the notify sources: " + files.size());

    List<String> forbidden = files.stream().flatMap(NotifyImportsTest::imports)
        .filter(imported -> ALLOWED.stream().noneMatch(imported::startsWith)).distinct().sorted().toList();

    assertEquals(List.of(), forbidden);
  }

  private static Stream<String> imports(Path file) {
    try {
      Matcher matcher = IMPORT.matcher(Files.readString(file));
      Stream.Builder<String> imports = Stream.builder();
      while (matcher.find()) {
        imports.add(matcher.group(1));
      }
      return imports.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
