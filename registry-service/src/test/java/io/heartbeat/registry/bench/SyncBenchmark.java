package io.heartbeat.registry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.service.DefinitionSync;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark, not a test (surefire skips *Benchmark by default). Run:
 *   mvn -pl registry-service verify -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * Syncs 5,000 generated metric files (parse + validate + store + publish to Kafka) against only reading the same
 * files, in one run, then a no-change re-sync that must publish nothing.
 */
@QuarkusTest
@TestProfile(SyncBenchmark.Profile.class)
class SyncBenchmark {

  static final int FILES = 5_000;
  static final Path FOLDER = Path.of("target/bench-metrics").toAbsolutePath();

  /** Points the service at the generated folder, with the watcher off so only the measured syncs run. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      generate();
      return Map.of("registry.metrics-dir", FOLDER.toString(), "registry.watch", "false",
          "registry.sync-at-start", "false");
    }
  }

  @Inject
  DefinitionSync sync;

  @Test
  void syncFiveThousandFiles() throws IOException {
    long readNanos = readAll();
    SyncReport cold = sync.sync();
    long t0 = System.nanoTime();
    SyncReport warm = sync.sync();
    long resyncNanos = System.nanoTime() - t0;
    readNanos = Math.min(readNanos, readAll());
    assertEquals(0, warm.published(), "a no-change re-sync publishes nothing");
    double syncMs = cold.millis();
    double readMs = readNanos / 1e6;
    assertEquals(FILES, cold.added(), "the first sync adds every file");
    System.out.printf("files=%d valid=%d published(first)=%d%n", cold.files(), cold.valid(), cold.published());
    System.out.printf("read only: %.1f ms; full sync (parse+validate+store+publish): %.1f ms; no-change re-sync: %.1f ms"
        + " (published %d)%n", readMs, syncMs, resyncNanos / 1e6, warm.published());
    System.out.printf("RESULT registry_sync files=%d read_ms=%.1f sync_ms=%.1f ratio=%.1f resync_ms=%.1f "
        + "resync_published=%d%n", cold.files(), readMs, syncMs, syncMs / readMs, resyncNanos / 1e6, warm.published());
  }

  private static long readAll() throws IOException {
    long t0 = System.nanoTime();
    long bytes = 0;
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path f : files.sorted().toList()) {
        bytes += Files.readAllBytes(f).length;
      }
    }
    if (bytes == 0) {
      throw new IllegalStateException("no files read");
    }
    return System.nanoTime() - t0;
  }

  static void generate() {
    try {
      Files.createDirectories(FOLDER);
      try (Stream<Path> old = Files.list(FOLDER)) {
        old.forEach(p -> p.toFile().delete());
      }
      String[] sources = {"inbox_teammate", "web_messenger", "mobile_messenger"};
      for (int i = 0; i < FILES; i++) {
        String code = "B" + String.format("%3s", Integer.toString(i, 36)).replace(' ', '0').toUpperCase();
        String id = "bench_metric_" + i;
        Files.writeString(FOLDER.resolve(id + ".sql"), """
            -- name: Bench metric %d
            -- code: %s
            -- period: %s
            -- direction: higher_is_better
            -- unit: conversation parts
            -- how_to_read: Generated for the registry sync benchmark.
            -- methodology: Count of conversation parts from one source in the window, per customer.
            -- sources: marts.conversation_part
            -- norm_value: 3
            -- alert_value: 1
            -- sla: core-platform
            -- runbook: https://runbooks.heartbeat.local/bench
            -- stage: unverified
            -- dimension: customer
            select customer_id as dimension, count(*)::numeric as value
            from marts.conversation_part
            where source = '%s' and created_at >= :window_start and created_at < :window_end
            group by rollup (customer_id)
            """.formatted(i, code, i % 3 == 0 ? "5m" : "1m", sources[i % 3]));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
