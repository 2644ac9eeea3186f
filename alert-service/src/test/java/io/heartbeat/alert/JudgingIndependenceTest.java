package io.heartbeat.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The judging core never reaches into the acting half: band, judge, episode and series name nothing of notify
 * (channels, routing, outbox, delivery) or deploy, neither by import nor by a fully qualified name. What the judge
 * decides is the same whether or not a page can be sent; the acting side reads its own model (NotifyImportsTest,
 * DeployImportsTest hold the other direction).
 */
class JudgingIndependenceTest {

  private static final Path MAIN = Path.of("src/main/java/io/heartbeat/alert");
  private static final List<String> ACTING = List.of("io.heartbeat.alert.notify", "io.heartbeat.alert.deploy");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"band", "judge", "episode", "series"})
  void judgingPackageNamesNoActingCode(String judgingPackage) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MAIN.resolve(judgingPackage))) {
      files = walk.filter(path -> path.toString().endsWith(".java")).toList();
    }
    assertTrue(files.size() > 1, "found the " + judgingPackage + " sources: " + files.size());
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      String text = read(file);
      ACTING.stream().filter(text::contains).forEach(acting -> found.add(MAIN.relativize(file) + " names " + acting));
    }
    assertEquals(List.of(), found);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
