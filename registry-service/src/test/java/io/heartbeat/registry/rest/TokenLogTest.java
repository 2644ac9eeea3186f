package io.heartbeat.registry.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Requests with good and refused tokens, then the service's own log file read for any trace of those tokens. */
@QuarkusTest
@TestProfile(ClosedReads.class)
@QuarkusTestResource(MetricsFolderResource.class)
class TokenLogTest {

  private static final String METRIC = "inbox_ui_interactions";

  @Test
  void shouldNeverWriteATokenToTheLog() {
    String probe = UUID.randomUUID().toString();
    String viewer = Tokens.of("victor", "viewer");
    String operator = Tokens.of("olga", "operator");
    List<String> tokens = List.of(viewer, operator, Tokens.expired("victor", "viewer"),
        Tokens.forAudience("billing", "victor", "viewer"), Tokens.signedByAnotherKey("mallory", "admin"),
        Tokens.of("una", "auditor"));
    for (String token : tokens) {
      given().auth().oauth2(token).queryParam("probe", probe).get("/api/metrics/" + METRIC);
    }
    String tag = given().auth().oauth2(viewer).get("/api/metrics/" + METRIC).then().statusCode(200).extract()
        .header("ETag");
    // A successful edit (logged at INFO), a refused one and a forbidden stage move: each path that logs.
    tag = given().auth().oauth2(operator).header("If-Match", tag).queryParam("probe", probe)
        .contentType(ContentType.JSON).body("{\"owner\": \"team-" + probe.substring(0, 8) + "\", \"reason\": \"handover\"}")
        .patch("/api/metrics/" + METRIC).then().statusCode(200).extract().header("ETag");
    given().auth().oauth2(operator).header("If-Match", tag).queryParam("probe", probe).contentType(ContentType.JSON)
        .body("{\"norm_value\": \"high\"}").patch("/api/metrics/" + METRIC).then().statusCode(422);
    given().auth().oauth2(operator).header("If-Match", "1").queryParam("probe", probe).contentType(ContentType.JSON)
        .body("{\"norm_value\": 6, \"reason\": \"x\"}").patch("/api/metrics/" + METRIC).then().statusCode(412);
    given().auth().oauth2(viewer).header("If-Match", tag).queryParam("probe", probe).contentType(ContentType.JSON)
        .body("{\"stage\": \"owned\", \"reason\": \"x\"}").post("/api/metrics/" + METRIC + "/stage").then()
        .statusCode(403);
    String last = "POST /api/metrics/" + METRIC + "/stage?probe=" + probe;
    // The access log line of the last request, and the edit's own line, prove the file holds what was just done.
    String log = await().atMost(Duration.ofSeconds(10)).until(TokenLogTest::readLog,
        text -> text.contains(last) && text.contains("operator edit metric_id=" + METRIC));
    for (String token : tokens) {
      String[] parts = token.split("\\.");
      assertFalse(log.contains(token), "the log holds a whole token");
      assertFalse(log.contains(parts[1]), "the log holds a token's claims segment");
      assertFalse(log.contains(parts[2]), "the log holds a token's signature");
    }
    assertFalse(log.contains("Bearer ey"), "the log holds an Authorization header value");
  }

  private static String readLog() {
    try {
      return Files.exists(ClosedReads.LOG) ? Files.readString(ClosedReads.LOG) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
