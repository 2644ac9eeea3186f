package io.heartbeat.cockpit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
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
        .body(containsString("vendor/uplot/uPlot.iife.min.js"))
        .body(containsString("id=\"banner\""));
    // The chart library is vendored: served by the cockpit itself, never from a CDN.
    given().get("/vendor/uplot/uPlot.iife.min.js").then().statusCode(200).body(containsString("uPlot"));
    given().get("/tiles.js").then().statusCode(200)
        .body(containsString("dataset.metricId"))
        .body(containsString("'tile status-'"))
        // The band and the learning progress are spelled out on the tile, not left to colour.
        .body(containsString("'expected '"))
        .body(containsString("'learning history'"));
    given().get("/stream.js").then().statusCode(200).body(containsString("api/stream"));
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
        .body("paths", org.hamcrest.Matchers.hasKey("/api/tiles/{metricId}"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/metrics/{id}/series"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/metrics/{id}/dimensions"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/alerts"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/slas"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/stream"));
  }

  @Test
  void shouldDocumentTileBandLearningAndSeriesSchemasInOpenApi() {
    String schemas = "components.schemas.";
    given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
        .body(schemas + "Tile.properties", hasKey("band"))
        .body(schemas + "Tile.properties", hasKey("learning"))
        .body(schemas + "Tile.properties", hasKey("status"))
        .body(schemas + "Band.required", containsInAnyOrder("expected", "lower", "upper"))
        .body(schemas + "Learning.required", containsInAnyOrder("window", "windows"))
        .body(schemas + "SeriesPoint.properties", hasKey("band"))
        .body(schemas + "TileDetail.properties", hasKey("series"))
        .body(schemas + "Status.enum", hasItems("error", "anomalous", "unknown", "green"))
        .body("paths.'/api/tiles'.get.responses.'200'.content.'application/json'.schema.items.'$ref'",
            equalTo("#/components/schemas/Tile"))
        .body("paths.'/api/tiles/{metricId}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/TileDetail"));
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
