package io.heartbeat.registry.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder is trusted only when it can be listed and holds at least one metric file. */
class MetricsFolderTest {

  @TempDir
  Path root;

  @Test
  void shouldListOnlyMetricFilesSorted() throws IOException {
    Path folder = Files.createDirectories(root.resolve("db/metrics"));
    for (String name : List.of("b_metric.sql", "_schema.sql", "a_metric.sql", "notes.txt")) {
      Files.writeString(folder.resolve(name), "-- x");
    }
    MetricsFolder.Listing listing = new MetricsFolder(folder).list();
    assertFalse(listing.refused());
    assertEquals(List.of("a_metric.sql", "b_metric.sql"),
        listing.files().stream().map(p -> p.getFileName().toString()).toList());
    assertEquals("db/metrics/a_metric.sql", new MetricsFolder(folder).shown(listing.files().get(0)));
  }

  @Test
  void shouldRefuseAMissingFolder() {
    MetricsFolder.Listing listing = new MetricsFolder(root.resolve("db/metrics")).list();
    assertTrue(listing.refused());
    assertEquals("db/metrics", listing.refusal().file());
    assertEquals("folder", listing.refusal().field());
    assertTrue(listing.refusal().message().contains("does not exist"), listing.refusal().message());
    assertTrue(listing.refusal().message().contains("no metric removed"), listing.refusal().message());
  }

  @Test
  void shouldRefuseAFolderOfOnlyUnderscoreFiles() throws IOException {
    Path folder = Files.createDirectories(root.resolve("db/metrics"));
    Files.writeString(folder.resolve("_schema.sql"), "-- the convention");
    Files.writeString(folder.resolve("README.md"), "not a metric");
    MetricsFolder.Listing listing = new MetricsFolder(folder).list();
    assertTrue(listing.refused());
    assertTrue(listing.refusal().message().contains("holds no metric files"), listing.refusal().message());
  }

  @Test
  void shouldRefuseAFolderItCannotList() throws IOException {
    Path folder = Files.createDirectories(root.resolve("db/metrics"));
    Files.writeString(folder.resolve("a_metric.sql"), "-- x");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
    try {
      if (canList(folder)) {
        // Running as root (or with CAP_DAC_READ_SEARCH): mode 000 does not stop reads. A path that exists but is not
        // a directory fails the same listing call, so the refusal is still proven here.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notAFolder = Files.writeString(root.resolve("not-a-folder"), "a file where the folder should be");
        assertUnlistable(new MetricsFolder(notAFolder).list(), "NotDirectoryException");
      } else {
        assertUnlistable(new MetricsFolder(folder).list(), "AccessDeniedException");
      }
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static void assertUnlistable(MetricsFolder.Listing listing, String cause) {
    assertTrue(listing.refused());
    assertTrue(listing.refusal().message().contains("cannot be listed (" + cause), listing.refusal().message());
    assertEquals(List.of(), listing.files());
  }

  /** True when this process can list the folder despite its mode (the tests may run as root). */
  static boolean canList(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      entries.count();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
