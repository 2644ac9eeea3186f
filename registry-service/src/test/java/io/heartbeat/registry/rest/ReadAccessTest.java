package io.heartbeat.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(ClosedReads.class)
@QuarkusTestResource(MetricsFolderResource.class)
class ReadAccessTest {

  /** The token of one case, made in the test: signing needs the running service's test key configuration. */
  private static String token(String kind) {
    return switch (kind) {
      case "viewer" -> Tokens.of("victor", "viewer");
      case "operator" -> Tokens.of("olga", "operator");
      case "admin" -> Tokens.of("ada", "admin");
      case "no reader group" -> Tokens.of("una", "auditor");
      case "another issuer" -> Tokens.fromIssuer("https://idp.example.com", "victor", "viewer");
      case "another audience" -> Tokens.forAudience("billing", "victor", "viewer");
      case "no audience" -> Tokens.withoutAudience("victor", "viewer");
      case "expired" -> Tokens.expired("victor", "viewer");
      case "signed by another key" -> Tokens.signedByAnotherKey("victor", "viewer");
      case "not a JWT" -> "not-a-jwt";
      default -> null;
    };
  }

  private static RequestSpecification as(String kind) {
    String token = token(kind);
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
      "no audience,           401",
      "expired,               401",
      "signed by another key, 401",
      "not a JWT,             401"})
  void shouldAdmitOnlyReadersWithAGoodToken(String kind, int status) {
    var response = as(kind).get("/api/metrics/checkout_attempts").then().statusCode(status);
    if (status != 200) {
      response.contentType("application/problem+json").body("status", equalTo(status))
          .body("instance", equalTo("/api/metrics/checkout_attempts"));
    }
    if (status == 401) {
      response.header("WWW-Authenticate", startsWith("Bearer"));
    }
    if (status == 403) {
      response.body("detail", containsString("[auditor]")).body("detail", containsString("viewer"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/metrics", "/api/metrics/checkout_attempts", "/api/metrics/checkout_attempts/audit",
      "/api/registry/problems"})
  void shouldCloseEveryReadToCallersWithoutAToken(String path) {
    given().get(path).then().statusCode(401).contentType("application/problem+json")
        .body("detail", containsString("bearer token is required"));
    as("viewer").get(path).then().statusCode(200);
  }

  @Test
  void shouldLetAViewerReadButNotWrite() {
    String tag = as("viewer").get("/api/metrics/teammate_replies").then().statusCode(200).extract().header("ETag");
    as("viewer").header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"norm_value\": 3, \"reason\": \"viewers only look\"}")
        .patch("/api/metrics/teammate_replies").then().statusCode(403).contentType("application/problem+json");
    as("viewer").header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"owned\", \"reason\": \"viewers only look\"}")
        .post("/api/metrics/teammate_replies/stage").then().statusCode(403).contentType("application/problem+json");
    as("viewer").get("/api/metrics/teammate_replies").then().header("ETag", tag);
  }

  @Test
  void shouldRefuseAWriteWithARefusedToken() {
    for (String kind : new String[] {"another issuer", "another audience", "expired", "signed by another key"}) {
      as(kind).header("If-Match", "1").contentType(ContentType.JSON).body("{\"norm_value\": 3, \"reason\": \"x\"}")
          .patch("/api/metrics/teammate_replies").then().statusCode(401).contentType("application/problem+json")
          .body("detail", containsString("refused")).body("detail", not(containsString(token("viewer"))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/q/health/live", "/q/metrics", "/q/openapi"})
  void shouldKeepPlatformEndpointsOpen(String path) {
    given().get(path).then().statusCode(200);
  }
}
