package io.heartbeat.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each packaged service, started against a PostgreSQL or a Kafka that does not answer, must say so on
 * /q/health/ready (503, DOWN) instead of claiming to be ready. Nothing listens on port 1.
 */
class ReadinessTest {

  private static final Path LOGS = Path.of("target/e2e-logs/readiness").toAbsolutePath();

  static List<Arguments> cases() {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (String service : List.of("registry-service", "compute-service", "alert-service", "cockpit-api")) {
      cases.add(Arguments.of(service, "kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), "Kafka cluster"));
      // Migrations need the database at start, so they are switched off to observe the running readiness check.
      cases.add(Arguments.of(service, "postgresql", Map.of("HEARTBEAT_PG_PORT", "1",
          "QUARKUS_FLYWAY_MIGRATE_AT_START", "false"), "Database"));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("cases")
  void readinessShouldGoDownWhenADependencyIsUnreachable(String service, String missing, Map<String, String> broken,
      String checkName) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("HEARTBEAT_DB", "heartbeat_e2e");
    env.put("HEARTBEAT_MARTS_DB", "heartbeat_marts_e2e");
    env.put("HEARTBEAT_TOPIC_PREFIX", "e2e-readiness-");
    env.put("HEARTBEAT_METRICS_DIR", Path.of("../db/metrics").toAbsolutePath().normalize().toString());
    env.put("HEARTBEAT_JWT_PUBLIC_KEY", "file:" + Path.of("../.heartbeat/jwt/public.pem").toAbsolutePath().normalize());
    env.putAll(broken);
    try (ServiceProcess s = ServiceProcess.start(service, env, LOGS.resolve(missing))) {
      await(service + " answering HTTP").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!s.alive()) {
          throw new IllegalStateException(service + " exited; see " + s.log);
        }
        try {
          return given().get(s.url() + "/q/health/live").statusCode() > 0;
        } catch (Exception e) {
          return false;
        }
      });
      await(service + " readiness DOWN without " + missing).atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> given().get(s.url() + "/q/health/ready").then().statusCode(503)
              .body(containsString("DOWN")).body(containsString(checkName)));
    }
  }
}
