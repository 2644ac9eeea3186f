package io.heartbeat.cockpit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every error answers application/problem+json (RFC 9457). */
@QuarkusTest
class ProblemMapperTest {

  @Test
  void shouldAnswerNotFoundAsProblem() {
    given().get("/api/tiles/{id}", "ghost_metric")
        .then().statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Not Found"))
        .body("status", equalTo(404))
        .body("detail", containsString("ghost_metric"))
        .body("instance", equalTo("/api/tiles/ghost_metric"));
  }

  @Test
  void shouldAnswerUnexpectedFailureAsProblemWithoutInternals() {
    given().get("/test/failure")
        .then().statusCode(500)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Internal Server Error"))
        .body("status", equalTo(500))
        .body("detail", not(containsString("hunter2")))
        .body("instance", equalTo("/test/failure"))
        .body(not(containsString("IllegalStateException")))
        .body(not(containsString("at io.heartbeat")));
  }
}
