package io.heartbeat.alert.deploy;

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
 * Deployments are acting code: they use only themselves and the plain records of model, never the judging core
 * (band, judge, episode, series) or the service's plumbing, so the acting half can move into its own service.
 */
class DeployImportsTest {

  private static final Path SOURCES = Path.of("src/main/java/io/heartbeat/alert/deploy");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.heartbeat\\.alert\\.[\\w.]+);",
      Pattern.MULTILINE);
  private static final List<String> ALLOWED = List.of("io.heartbeat.alert.deploy.", "io.heartbeat.alert.model.");

  @Test
  void shouldImportNoJudgingCode() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(path -> path.toString().endsWith(".java")).toList();
    }
    assertTrue(files.size() >= 10, "found the deploy sources: " + files.size());
    List<String> forbidden = files.stream().flatMap(DeployImportsTest::imports)
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
