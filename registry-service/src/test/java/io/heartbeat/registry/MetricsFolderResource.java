package io.heartbeat.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives the service under test a fresh copy of the real db/metrics folder before it starts. */
public class MetricsFolderResource implements QuarkusTestResourceLifecycleManager {

  public static final Path FOLDER = Path.of("target/test-metrics").toAbsolutePath();

  @Override
  public Map<String, String> start() {
    try {
      if (Files.exists(FOLDER)) {
        try (Stream<Path> old = Files.list(FOLDER)) {
          old.forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(FOLDER);
      try (Stream<Path> files = Files.list(Path.of("../db/metrics"))) {
        for (Path f : files.toList()) {
          Files.copy(f, FOLDER.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("registry.metrics-dir", FOLDER.toString());
  }

  @Override
  public void stop() {
  }
}
