package io.heartbeat.cockpit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The web cockpit's files and the platform endpoints: health, OpenAPI, Prometheus. */
@QuarkusTest
class PlatformEndpointsTest {

  @Test
  void shouldServeWebCockpitAtRoot() {
    given().get("/").then().statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString("<title>Heartbeat cockpit</title>"))
        .body(containsString("src=\"cockpit.js\""))
        .body(containsString("href=\"cockpit.css\""))
        .body(containsString("id=\"banner\""));
    given().get("/cockpit.js").then().statusCode(200)
        .body(containsString("api/tiles"))
        .body(containsString("dataset.metricId"))
        .body(containsString("dataset.status"))
        .body(containsString("'tile status-'"));
    given().get("/cockpit.css").then().statusCode(200).contentType(startsWith("text/css"));
  }

  @Test
  void shouldBeReadyWithDatabaseAndKafkaUp() {
    given().get("/q/health/ready").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Kafka cluster"));
  }

  @Test
  void shouldDescribeTilesInOpenApi() {
    given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/tiles"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/tiles/{metricId}"));
  }

  @Test
  void shouldExposePrometheusMetrics() {
    // A Prometheus scraper asks for the text format; a bare client gets OpenMetrics.
    given().accept("text/plain").get("/q/metrics").then().statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(containsString("# TYPE"))
        .body(containsString("http_server_requests_seconds"));
  }
}
