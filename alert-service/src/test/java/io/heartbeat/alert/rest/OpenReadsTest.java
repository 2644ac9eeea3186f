package io.heartbeat.alert.rest;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With reads open, as in dev, test and the local demo: a read needs no token, and a refused token is ignored. */
@QuarkusTest
class OpenReadsTest {

  @Test
  void shouldServeReadsWithoutAToken() {
    given().get("/api/slas/core-platform").then().statusCode(200);
    given().auth().oauth2("not-a-jwt").get("/api/slas/core-platform").then().statusCode(200);
  }
}
