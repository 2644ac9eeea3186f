package io.heartbeat.registry.rest;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The prod profile's auth: reads closed. The HTTP access log, a log file and debug logging of our code and of the
 * token verification are on, as an operator chasing a problem would turn them on, so TokenLogTest reads all of it.
 */
public class ClosedReads implements QuarkusTestProfile {

  public static final Path LOG = Path.of("target/closed-reads.log").toAbsolutePath();

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "heartbeat.auth.open-reads", "false",
        "quarkus.http.access-log.enabled", "true",
        "quarkus.http.access-log.pattern", "combined",
        "quarkus.log.file.enabled", "true",
        "quarkus.log.file.path", LOG.toString(),
        "quarkus.log.category.\"io.heartbeat\".level", "DEBUG",
        "quarkus.log.category.\"io.quarkus.smallrye.jwt\".level", "DEBUG",
        "quarkus.log.category.\"io.smallrye.jwt\".level", "DEBUG",
        "quarkus.log.category.\"io.quarkus.security\".level", "DEBUG",
        "quarkus.log.category.\"io.quarkus.vertx.http.runtime.security\".level", "DEBUG");
  }
}
