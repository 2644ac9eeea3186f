package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MartsProxy;
import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The marts database going away must not blank or rewrite the registry: a sync that cannot check value_sql's
 * functions changes nothing, says so, and is retried until the database answers again.
 */
@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
@TestProfile(CatalogOutageTest.ThroughProxy.class)
class CatalogOutageTest {

  /** The marts datasource reaches PostgreSQL through a relay the test can cut. */
  public static class ThroughProxy implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(MartsProxy.class));
    }
  }

  private static final Path FOLDER = MetricsFolderResource.FOLDER;
  private static final Path DEMO = Path.of("../db/metrics");

  @AfterEach
  void restore() throws Exception {
    MartsProxy.restoreConnections();
    for (String id : List.of("ai_agent_answers", "teammate_replies")) {
      Files.copy(DEMO.resolve(id + ".sql"), FOLDER.resolve(id + ".sql"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.deleteIfExists(FOLDER.resolve("outage_probe.sql"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().post("/api/registry/sync").then().statusCode(200));
  }

  @Test
  void shouldChangeNothingWhileTheMartsAreDownAndCatchUpWhenTheyAreBack() throws Exception {
    given().post("/api/registry/sync").then().statusCode(200);
    String howToRead = given().get("/api/metrics/ai_agent_answers").then().statusCode(200).extract()
        .path("definition.howToRead");
    Path answers = FOLDER.resolve("ai_agent_answers.sql");
    Files.writeString(answers, Files.readString(answers).replace(howToRead, "Answers the AI agent gave; read it again."));
    Files.delete(FOLDER.resolve("teammate_replies.sql"));
    Files.writeString(FOLDER.resolve("outage_probe.sql"), Files.readString(DEMO.resolve("checkout_attempts.sql"))
        .replace("-- code: CHKO", "-- code: OUTG").replace("-- name: Checkout attempts", "-- name: Outage probe"));

    MartsProxy.cutConnections();
    given().post("/api/registry/sync").then().statusCode(503).contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("detail", containsString("the marts database did not answer the function lookup"))
        .body("detail", containsString("nothing changed"));
    given().get("/api/metrics/ai_agent_answers").then().statusCode(200).body("state", equalTo("valid"))
        .body("definition.howToRead", equalTo(howToRead));
    given().get("/api/metrics/teammate_replies").then().statusCode(200).body("state", equalTo("valid"));
    given().get("/api/metrics/outage_probe").then().statusCode(404);
    given().get("/api/registry/problems").then().statusCode(200)
        .body("message", hasItem(containsString("this sync changed nothing (the last good definitions stay in force) "
            + "and is retried")));

    // Back again: the retry the refused request scheduled applies everything, without another request.
    MartsProxy.restoreConnections();
    await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      given().get("/api/metrics/ai_agent_answers").then().statusCode(200)
          .body("definition.howToRead", equalTo("Answers the AI agent gave; read it again."));
      given().get("/api/metrics/teammate_replies").then().statusCode(404);
      given().get("/api/metrics/outage_probe").then().statusCode(200).body("state", equalTo("valid"));
      given().get("/api/registry/problems").then().statusCode(200)
          .body("message", not(hasItem(containsString("did not answer"))));
    });
  }
}
