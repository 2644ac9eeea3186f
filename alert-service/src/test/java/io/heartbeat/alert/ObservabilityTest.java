package io.heartbeat.alert;

import static io.heartbeat.alert.KafkaSupport.of;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Health, OpenAPI and Prometheus metrics as an operator sees them. */
@QuarkusTest
class ObservabilityTest {

  private static KafkaSupport kafka;

  @Inject
  Pool pool;

  @BeforeAll
  static void connect() {
    kafka = new KafkaSupport();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void shouldBeReadyWithDatabaseAndKafkaUp() {
    given().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Kafka cluster",
            "Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"));
  }

  @Test
  void shouldDescribeItsPathsInOpenApi() {
    given().queryParam("format", "json").get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("/api/metrics/{id}/evaluations"))
        .body(containsString("/api/metrics/{id}/status"))
        .body(containsString("/api/slas/{id}"));
  }

  @Test
  void shouldCountPublishedEvaluationsInPrometheusText() {
    String metricId = Fixtures.metricId("prom");
    String version = Fixtures.version(metricId, "v1");
    kafka.sendDefinition(metricId, Fixtures.definition(metricId, version, "higher_is_better", 5.0, 1.0, "1d", 86400));
    MetricTable.awaitVersion(pool, metricId, version);
    ObjectNode observation = Fixtures.observation(metricId, version, Instant.parse("2026-05-01T00:00:00Z"), 86400,
        "ok", 9.0, null, null);
    kafka.sendObservation(metricId, observation.toString());
    kafka.awaitEvaluation(of(Fixtures.id(observation), version));

    given().accept("text/plain").get("/q/metrics").then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(containsString("# TYPE heartbeat_evaluations_published_total counter"))
        .body(containsString("heartbeat_evaluations_published_total{status=\"green\""));
  }
}
