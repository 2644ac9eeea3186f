package io.heartbeat.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.Tokens;
import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.deploy.DeploymentTopic;
import io.heartbeat.alert.deploy.Deployments;
import io.heartbeat.alert.deploy.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** POST /api/deployments from CI/CD and the reads over it, through HTTP, PostgreSQL and Kafka. */
@QuarkusTest
class DeploymentResourceTest {

  private static final String PATH = "/api/deployments";
  private static final Instant STARTED = Instant.parse("2026-03-10T14:00:00Z");
  private static final Instant FINISHED = Instant.parse("2026-03-10T14:05:00Z");

  private static DeploymentTopic topic;
  private static LogCapture logs;

  @BeforeAll
  static void connect() {
    topic = new DeploymentTopic();
    logs = LogCapture.install();
  }

  @AfterAll
  static void disconnect() {
    topic.close();
    logs.close();
  }

  private static RequestSpecification deployer() {
    return given().auth().oauth2(Tokens.of("ci", "deployer")).contentType(ContentType.JSON);
  }

  private static ObjectNode body(String service, String version, String rollbackUrl) {
    return Deployments.body(service, version, STARTED, FINISHED, rollbackUrl);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "no token, 401",
      "viewer,   403",
      "operator, 403",
      "auditor,  403",
      "expired,  401",
      "deployer, 201",
      "admin,    201"})
  void shouldLetOnlyDeployersAndAdminsRecord(String kind, int status) {
    String token = switch (kind) {
      case "no token" -> null;
      case "expired" -> Tokens.expired("ci", "deployer");
      default -> Tokens.of("someone", kind);
    };
    RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
    var response = request.contentType(ContentType.JSON).body(body(Deployments.service("auth"), "1.0.0", null)
        .toString()).post(PATH).then().statusCode(status);
    if (status == 401) {
      response.contentType(startsWith("application/problem+json")).header("WWW-Authenticate", startsWith("Bearer"));
    }
    if (status == 403) {
      response.contentType(startsWith("application/problem+json")).body("status", equalTo(403))
          .body("detail", containsString("deployer")).body("instance", equalTo(PATH));
    }
  }

  @Test
  void shouldListEveryFieldProblemAtOnce() {
    String token = "tok-" + UUID.randomUUID();
    ObjectNode body = Fixtures.JSON.createObjectNode()
        .put("service", "")
        .put("version", "1.0 rc")
        .put("environment", "production")
        .put("started_at", "2026-03-10T14:05:00Z")
        .put("finished_at", "2026-03-10T14:00:00Z")
        .put("commit", 42)
        .put("rollback_url", "http://deploy.example.com/rollback?token=" + token);

    String answer = deployer().body(body.toString()).post(PATH).then().statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(422)).body("title", equalTo("Unprocessable Content")).body("instance", equalTo(PATH))
        .body("detail", startsWith("6 fields need fixing: service: "))
        .body("errors.field", contains("service", "version", "finished_at", "commit", "author", "rollback_url"))
        .body("errors[3].message", equalTo("must be a string"))
        .body("errors[4].message", equalTo("is required"))
        .body("errors[5].message", equalTo("must use https (plain http only for localhost or 127.0.0.1)"))
        .extract().asString();
    assertFalse(answer.contains(token), answer);
    assertEquals(List.of(), logs.containing(token));
  }

  @Test
  void shouldAnswerProblemsForBodiesThatAreNoDeployment() {
    deployer().body("{\"service\": ").post(PATH).then().statusCode(400)
        .contentType(startsWith("application/problem+json")).body("detail", startsWith("the body is not JSON"));
    deployer().body("[]").post(PATH).then().statusCode(422).body("errors.field", contains("body"));
    deployer().body(body(Deployments.service("typo"), "1", null).put("finishedAt", "x").toString()).post(PATH)
        .then().statusCode(422).body("errors.field", contains("finishedAt"))
        .body("errors[0].message", startsWith("unknown field"));
  }

  @Test
  void shouldCreateOnceThenAnswerTheSameRetryWith200() {
    String service = Deployments.service("retried");
    String body = body(service, "1.4.0", "https://deploy.example.com/rollback").toString();
    String id = Deployment.id(service, "production", "1.4.0", STARTED);

    deployer().body(body).post(PATH).then().statusCode(201).header("Location", endsWith(PATH + "/" + id))
        .body("id", equalTo(id)).body("rollback", equalTo(true));
    deployer().body(body).post(PATH).then().statusCode(200).body("id", equalTo(id));

    given().queryParam("service", service).get(PATH).then().statusCode(200).body("items", hasSize(1));
  }

  @Test
  void shouldRefuseTheSameIdWithAnotherBody() {
    String service = Deployments.service("clash");
    String id = Deployment.id(service, "production", "2.0.0", STARTED);
    deployer().body(body(service, "2.0.0", null).toString()).post(PATH).then().statusCode(201);

    deployer().body(body(service, "2.0.0", null).put("commit", "aaaaaaa").toString()).post(PATH).then()
        .statusCode(409).contentType(startsWith("application/problem+json")).body("status", equalTo(409))
        .body("detail", containsString(id));

    given().get(PATH + "/" + id).then().statusCode(200).body("commit", equalTo("3f9c2a1b7d4e"));
  }

  @Test
  void shouldPublishWhatItRecordedAndConsumeItAgainAsTheSameDeployment() {
    String service = Deployments.service("published");
    String token = "tok-" + UUID.randomUUID();
    String url = "https://deploy.example.com/rollback?token=" + token;
    String id = deployer().body(body(service, "5.1.0", url).toString()).post(PATH).then().statusCode(201)
        .extract().path("id");

    ConsumerRecord<String, String> published = Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> topic.records().stream().filter(r -> r.value() != null && r.value().contains(id)).findFirst(),
            found -> found.isPresent()).orElseThrow();
    JsonNode event = read(published.value());
    Contracts.assertValid(Deployments.CONTRACT, event);
    assertEquals(service, published.key());
    assertEquals(id, event.get("id").asText());
    assertEquals(url, event.get("rollbackUrl").asText());
    assertEquals("2026-03-10T14:05:00Z", event.get("finishedAt").asText());

    // The service's own listener reads it back: same id, same fields, nothing changes.
    Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> !logs.containing("already recorded id=" + id).isEmpty());
    assertTrue(logs.containing("already recorded id=" + id).get(0).contains("via=event"));
    assertEquals(1, logs.containing("Deployment recorded id=" + id).size());
    assertTrue(logs.containing("Deployment recorded id=" + id).get(0).contains("rollback=https://deploy.example.com"));
    assertEquals(List.of(), logs.containing(token));
  }

  @Test
  void shouldNeverReturnTheRollbackUrl() {
    String service = Deployments.service("secret");
    String token = "tok-" + UUID.randomUUID();
    String created = deployer().body(body(service, "1.0.0", "https://deploy.example.com/r?token=" + token)
        .toString()).post(PATH).then().statusCode(201).extract().asString();
    String id = read(created).get("id").asText();
    deployer().body(body(service, "1.0.1", null).toString()).post(PATH).then().statusCode(201)
        .body("rollback", equalTo(false));

    String one = given().get(PATH + "/" + id).then().statusCode(200).body("rollback", equalTo(true))
        .body("service", equalTo(service)).body("started_at", equalTo("2026-03-10T14:00:00Z"))
        .extract().asString();
    String list = given().queryParam("service", service).get(PATH).then().statusCode(200).extract().asString();

    for (String answer : List.of(created, one, list)) {
      assertFalse(answer.contains(token), answer);
      assertFalse(answer.contains("rollback_url"), answer);
      assertFalse(answer.contains("deploy.example.com"), answer);
    }
    assertEquals(List.of(), logs.containing(token));
  }

  @Test
  void shouldListPerServiceNewestFirstByCursor() {
    String service = Deployments.service("listed");
    for (int i = 0; i < 3; i++) {
      Instant finished = FINISHED.plusSeconds(60L * i);
      deployer().body(Deployments.body(service, "1.0." + i, STARTED.plusSeconds(60L * i), finished, null)
          .toString()).post(PATH).then().statusCode(201);
    }
    deployer().body(body(Deployments.service("other"), "9.9.9", null).toString()).post(PATH).then().statusCode(201);

    String next = given().queryParam("service", service).queryParam("limit", 2).get(PATH).then().statusCode(200)
        .body("items.version", contains("1.0.2", "1.0.1")).extract().path("next");
    given().queryParam("service", service).queryParam("environment", "production").queryParam("limit", 2)
        .queryParam("cursor", next).get(PATH).then().statusCode(200)
        .body("items.version", contains("1.0.0")).body("next", nullValue());
    given().queryParam("service", service).queryParam("environment", "staging").get(PATH).then().statusCode(200)
        .body("items", hasSize(0));

    given().queryParam("limit", 0).get(PATH).then().statusCode(400).contentType(startsWith("application/problem+json"));
    given().queryParam("cursor", "nonsense").get(PATH).then().statusCode(400);
    given().get(PATH + "/" + "0".repeat(64)).then().statusCode(404).contentType(startsWith("application/problem+json"));
  }

  private static JsonNode read(String json) {
    try {
      return Fixtures.JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
