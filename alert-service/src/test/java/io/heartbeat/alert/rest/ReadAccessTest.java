package io.heartbeat.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.heartbeat.alert.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** With reads closed, as in prod: a read needs a good token whose groups hold viewer, operator or admin. */
@QuarkusTest
@TestProfile(ClosedReads.class)
class ReadAccessTest {

  private static final String READ = "/api/slas/core-platform";

  /** The token of one case, made in the test: signing needs the running service's test key configuration. */
  private static RequestSpecification as(String kind) {
    String token = switch (kind) {
      case "viewer" -> Tokens.of("victor", "viewer");
      case "operator" -> Tokens.of("olga", "operator");
      case "admin" -> Tokens.of("ada", "admin");
      case "no reader group" -> Tokens.of("una", "auditor");
      case "another issuer" -> Tokens.fromIssuer("https://idp.example.com", "victor", "viewer");
      case "another audience" -> Tokens.forAudience("billing", "victor", "viewer");
      case "expired" -> Tokens.expired("victor", "viewer");
      case "signed by another key" -> Tokens.signedByAnotherKey("victor", "viewer");
      default -> null;
    };
    return token == null ? given() : given().auth().oauth2(token);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "no token,              401",
      "viewer,                200",
      "operator,              200",
      "admin,                 200",
      "no reader group,       403",
      "another issuer,        401",
      "another audience,      401",
      "expired,               401",
      "signed by another key, 401"})
  void shouldAdmitOnlyReadersWithAGoodToken(String kind, int status) {
    var response = as(kind).get(READ).then().statusCode(status);
    if (status != 200) {
      response.contentType(startsWith("application/problem+json")).body("status", equalTo(status))
          .body("instance", equalTo(READ));
    }
    if (status == 401) {
      response.header("WWW-Authenticate", startsWith("Bearer"));
    }
    if (status == 403) {
      response.body("detail", containsString("[auditor]")).body("detail", containsString("viewer"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/alerts", "/api/alerts/some-key", "/api/alerts/some-key/deliveries",
      "/api/deployments"})
  void shouldCloseEveryAlertReadToAnonymousCallers(String path) {
    given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
    as("viewer").get(path).then().statusCode(org.hamcrest.Matchers.not(equalTo(401)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/q/health/live", "/q/metrics", "/q/openapi"})
  void shouldKeepPlatformEndpointsOpen(String path) {
    given().get(path).then().statusCode(200);
  }
}
