package io.heartbeat.registry.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.EventSchema;
import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class MetricResourceTest {

  private static String token(String user, String... roles) {
    return Jwt.upn(user).issuer("https://heartbeat.local").groups(Set.of(roles)).sign();
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
        .body("definition.stage", equalTo("paging"));
    given().get("/api/metrics/mobile_messenger_messages/audit").then()
        .body("newValue", hasItem("paging")).body("actor", hasItem("ada"));
  }
}
