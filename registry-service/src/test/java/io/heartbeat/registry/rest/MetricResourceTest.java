package io.heartbeat.registry.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.EventSchema;
import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.Tokens;
import io.heartbeat.registry.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class MetricResourceTest {

  private static String token(String user, String... roles) {
    return Tokens.of(user, roles);
  }

  private static String etag(String metricId) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> given().get("/api/metrics/" + metricId).then().extract(), r -> r.statusCode() == 200).header("ETag");
  }

  @Test
  void shouldApplyAuditAndRepublishAnOperatorEdit() {
    String tag = etag("checkout_attempts");
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"norm_value\": 2, \"alert_value\": 1, \"owner\": \"team-checkout\", \"reason\": \"SLA agreed with payments\"}")
        .patch("/api/metrics/checkout_attempts").then().statusCode(200)
        .body("definition.normValue", equalTo(2)).body("definition.owner", equalTo("team-checkout"));
    given().get("/api/metrics/checkout_attempts/audit").then().statusCode(200)
        .body("field", hasItem("norm_value")).body("actor", hasItem("alice"))
        .body("reason", hasItem("SLA agreed with payments"));
    // A re-sync never overwrites an operator's edit.
    given().post("/api/registry/sync").then().statusCode(200);
    given().get("/api/metrics/checkout_attempts").then().body("definition.normValue", equalTo(2));
    EventSchema schema = new EventSchema("metric-definition.v1.json");
    try (TopicReader reader = new TopicReader("heartbeat.registry")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream().anyMatch(r ->
          r.key().equals("checkout_attempts") && r.value().contains("\"owner\":\"team-checkout\"")
              && schema.validate(r.value()).isEmpty()));
    }
  }

  @Test
  void shouldRefuseWithoutTokenOrRole() {
    given().contentType(ContentType.JSON).header("If-Match", "1").body("{\"norm_value\": 3, \"reason\": \"x\"}")
        .patch("/api/metrics/teammate_replies").then().statusCode(401).contentType("application/problem+json");
    given().auth().oauth2(token("victor", "viewer")).contentType(ContentType.JSON).header("If-Match", "1")
        .body("{\"norm_value\": 3, \"reason\": \"x\"}")
        .patch("/api/metrics/teammate_replies").then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAStaleVersionWith412() {
    etag("teammate_replies");
    given().auth().oauth2(token("alice", "operator")).header("If-Match", "\"999\"").contentType(ContentType.JSON)
        .body("{\"norm_value\": 3, \"reason\": \"x\"}").patch("/api/metrics/teammate_replies").then()
        .statusCode(412).contentType("application/problem+json").body("field", equalTo("If-Match"));
  }

  @Test
  void shouldNameTheFieldOfAnInvalidEdit() {
    String tag = etag("web_messenger_parts");
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"period\": \"5m\", \"reason\": \"x\"}").patch("/api/metrics/web_messenger_parts").then()
        .statusCode(422).contentType("application/problem+json").body("field", equalTo("period"));
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"alert_value\": 50, \"reason\": \"x\"}").patch("/api/metrics/web_messenger_parts").then()
        .statusCode(422).body("field", equalTo("alert_value")).body("detail", containsString("norm_value"));
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"norm_value\": \"high\", \"reason\": \"x\"}").patch("/api/metrics/web_messenger_parts").then()
        .statusCode(422).body("field", equalTo("norm_value"));
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"norm_value\": 4}").patch("/api/metrics/web_messenger_parts").then()
        .statusCode(422).body("field", equalTo("reason"));
  }

  @Test
  void shouldFollowTheLifecycleStateMachineByRole() {
    String tag = etag("mobile_messenger_messages");
    tag = given().auth().oauth2(token("olga", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"owned\", \"reason\": \"team-messenger owns it\"}")
        .post("/api/metrics/mobile_messenger_messages/stage").then().statusCode(200)
        .body("definition.stage", equalTo("owned")).extract().header("ETag");
    given().auth().oauth2(token("olga", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"paging\", \"reason\": \"skip ahead\"}")
        .post("/api/metrics/mobile_messenger_messages/stage").then().statusCode(409).body("field", equalTo("stage"));
    tag = given().auth().oauth2(token("olga", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"verified\", \"reason\": \"crossed red, owner acted\"}")
        .post("/api/metrics/mobile_messenger_messages/stage").then().statusCode(200).extract().header("ETag");
    given().auth().oauth2(token("olga", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"paging\", \"reason\": \"page humans\"}")
        .post("/api/metrics/mobile_messenger_messages/stage").then().statusCode(403);
    given().auth().oauth2(token("ada", "admin")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"paging\", \"reason\": \"page humans\"}")
        .post("/api/metrics/mobile_messenger_messages/stage").then().statusCode(200)
        .body("definition.stage", equalTo("paging")).body("definition.verificationState", equalTo("verified"));
    given().get("/api/metrics/mobile_messenger_messages/audit").then()
        .body("newValue", hasItem("paging")).body("actor", hasItem("ada"));
  }

  @Test
  void shouldServeReadsWithoutATokenWhileReadsAreOpen() {
    etag("checkout_attempts");
    given().get("/api/metrics").then().statusCode(200).body("metricId", hasItem("checkout_attempts"));
    given().get("/api/metrics/checkout_attempts/audit").then().statusCode(200);
  }

  @Test
  void shouldReportEveryFieldProblemAtOnce() {
    String tag = etag("all_inbox_activity");
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"norm_value\": \"high\", \"period\": \"5m\", \"alert_value\": 50, \"owner\": \"\", "
            + "\"target_due_date\": \"soon\", \"stage\": \"owned\"}")
        .patch("/api/metrics/all_inbox_activity").then()
        .statusCode(422).contentType("application/problem+json")
        .body("status", equalTo(422)).body("title", equalTo("Unprocessable Content"))
        .body("field", nullValue())
        .body("errors.field", equalTo(List.of("norm_value", "period", "alert_value", "owner", "target_due_date",
            "stage", "reason")))
        .body("errors.find { it.field == 'alert_value' }.message", containsString("norm_value 10"))
        .body("errors.find { it.field == 'stage' }.message", containsString("/api/metrics/{id}/stage"))
        .body("detail", containsString("7 fields need fixing"));
    // Nothing of the refused edit was applied.
    given().get("/api/metrics/all_inbox_activity").then().header("ETag", tag)
        .body("definition.normValue", equalTo(10)).body("definition.owner", equalTo("team-platform"));
  }

  @Test
  void shouldKeepOneProblemEntryForASingleBadField() {
    String tag = etag("all_inbox_activity");
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"benchmark_stddev\": 0, \"reason\": \"x\"}").patch("/api/metrics/all_inbox_activity").then()
        .statusCode(422).body("field", equalTo("benchmark_stddev"))
        .body("errors.field", equalTo(List.of("benchmark_stddev")));
  }

  @Test
  void shouldRefuseAVerificationStateThatContradictsTheStage() {
    String tag = etag("ai_agent_answers");
    given().get("/api/metrics/ai_agent_answers").then().body("definition.stage", equalTo("unverified"))
        .body("definition.verificationState", equalTo("unverified"));
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"verification_state\": \"verified\", \"reason\": \"the owner confirmed it\"}")
        .patch("/api/metrics/ai_agent_answers").then().statusCode(422).contentType("application/problem+json")
        .body("field", equalTo("verification_state"))
        .body("detail", containsString("contradicts stage unverified"))
        .body("detail", containsString("POST /api/metrics/ai_agent_answers/stage"));
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"verification_state\": \"pending_review\", \"reason\": \"x\"}")
        .patch("/api/metrics/ai_agent_answers").then().statusCode(422)
        .body("field", equalTo("verification_state")).body("detail", containsString("unverified, owned, verified"));
    // Restating the state the stage implies is no contradiction.
    given().auth().oauth2(token("alice", "operator")).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"verification_state\": \"unverified\", \"owner\": \"team-ai-answers\", \"reason\": \"split\"}")
        .patch("/api/metrics/ai_agent_answers").then().statusCode(200)
        .body("definition.owner", equalTo("team-ai-answers"))
        .body("definition.verificationState", equalTo("unverified"));
  }

  @Test
  void shouldDeriveTheVerificationStateFromEachStageMove() {
    String metric = "ai_agent_failure_ratio";
    String tag = etag(metric);
    tag = move(metric, tag, "olga", "operator", "owned", "owned");
    tag = move(metric, tag, "olga", "operator", "verified", "verified");
    // Deprecated keeps the state the metric had when it left service; a revival starts unverified again.
    tag = move(metric, tag, "ada", "admin", "deprecated", "verified");
    tag = move(metric, tag, "ada", "admin", "unverified", "unverified");
    EventSchema schema = new EventSchema("metric-definition.v1.json");
    try (TopicReader reader = new TopicReader("heartbeat.registry")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream().anyMatch(r -> r.key().equals(metric)
          && r.value().contains("\"stage\":\"deprecated\"")
          && r.value().contains("\"verificationState\":\"verified\"") && schema.validate(r.value()).isEmpty()));
    }
  }

  private static String move(String metric, String tag, String user, String role, String stage, String verification) {
    return given().auth().oauth2(token(user, role)).header("If-Match", tag).contentType(ContentType.JSON)
        .body("{\"stage\": \"" + stage + "\", \"reason\": \"lifecycle test\"}")
        .post("/api/metrics/" + metric + "/stage").then().statusCode(200)
        .body("definition.stage", equalTo(stage)).body("definition.verificationState", equalTo(verification))
        .extract().header("ETag");
  }
}
