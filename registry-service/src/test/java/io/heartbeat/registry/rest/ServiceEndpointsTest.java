package io.heartbeat.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class ServiceEndpointsTest {

  @Test
  void unknownMetricShouldBeProblemJson() {
    given().get("/api/metrics/no_such_metric").then().statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404)).body("title", equalTo("Not Found"))
        .body("detail", containsString("no_such_metric")).body("instance", equalTo("/api/metrics/no_such_metric"));
  }

  @Test
  void readinessShouldBeUpWithDatabaseAndKafka() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body(containsString("Database connections health check")).body(containsString("Kafka cluster"));
  }

  @Test
  void openApiShouldDescribeTheApi() {
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/registry/sync"));
  }

  @Test
  void metricsShouldBePrometheusText() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
  }
}
