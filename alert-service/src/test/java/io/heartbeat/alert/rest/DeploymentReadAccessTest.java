package io.heartbeat.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.alert.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With reads closed, as in prod: listing deployments is a read like any other (viewer, operator or admin). */
@QuarkusTest
@TestProfile(ClosedReads.class)
class DeploymentReadAccessTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'',       401",
      "viewer,   200",
      "operator, 200",
      "admin,    200",
      "deployer, 403"})
  void shouldListDeploymentsForReadersOnly(String group, int status) {
    var request = group.isEmpty() ? given() : given().auth().oauth2(Tokens.of("someone", group));
    var response = request.get("/api/deployments").then().statusCode(status);
    if (status == 403) {
      response.contentType(startsWith("application/problem+json")).body("detail", containsString("viewer"));
    }
  }
}
