package io.heartbeat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one scenario of the Playwright script {@code src/test/browser/cockpit.mjs} in Debian's chromium and returns the
 * JSON line it prints. The script installs nothing but playwright-core (no browser download: {@code deploy/browser.sh}
 * installs chromium from Debian).
 */
public final class Browser {

  private static final Path DIR = locate();
  private static final Path SCREENSHOTS = DIR.resolve("../../../target/screenshots").normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Browser() {
  }

  /**
   * Runs {@code node cockpit.mjs <scenario> <baseUrl> <args...>} and returns its JSON result. The script waits up to
   * {@code timeout} (passed as TIMEOUT_MS); the process gets a minute more to start chromium and write screenshots.
   *
   * @throws IllegalStateException with the script's stderr when it fails or outlives its timeout
   */
  public static JsonNode run(String scenario, String baseUrl, Duration timeout, String... args) {
    installOnce();
    List<String> command = new ArrayList<>(List.of("node", "cockpit.mjs", scenario, baseUrl));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
    builder.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
    builder.environment().put("TIMEOUT_MS", String.valueOf(timeout.toMillis()));
    Result result = exec(builder, timeout.plusMinutes(1));
    if (result.exit != 0) {
      throw new IllegalStateException("browser scenario " + scenario + " failed (exit " + result.exit + "): "
          + result.stderr.strip());
    }
    String line = result.stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("browser scenario " + scenario + " printed no JSON: "
            + result.stdout + result.stderr));
    try {
      JsonNode json = JSON.readTree(line);
      json.path("screenshots").forEach(p -> System.out.println("[e2e] screenshot " + p.asText()));
      return json;
    } catch (IOException e) {
      throw new IllegalStateException("browser scenario " + scenario + " printed no JSON: " + line, e);
    }
  }

  /** `npm ci` from the committed lock file, once per checkout: node_modules is not committed. */
  private static synchronized void installOnce() {
    if (Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
      return;
    }
    Result result = exec(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile()),
        Duration.ofMinutes(5));
    if (result.exit != 0) {
      throw new IllegalStateException("npm ci in " + DIR + " failed: " + result.stderr.strip());
    }
  }

  private record Result(int exit, String stdout, String stderr) {
  }

  private static Result exec(ProcessBuilder builder, Duration limit) {
    try {
      Process process = builder.start();
      // Both streams drained concurrently, so a chatty child never blocks on a full pipe.
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result(-1, out.getNow(""), "timed out after " + limit.toSeconds() + " s: " + String.join(" ",
            builder.command()) + "\n" + err.getNow(""));
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + builder.command(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + builder.command(), e);
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The e2e module's directory is Maven's working directory; from the repository root it is e2e/. */
  private static Path locate() {
    for (Path candidate : List.of(Path.of("src/test/browser"), Path.of("e2e/src/test/browser"))) {
      if (Files.isRegularFile(candidate.resolve("cockpit.mjs"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("src/test/browser/cockpit.mjs not found from " + Path.of("").toAbsolutePath());
  }
}
