package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
@TestProfile(WatchFolderTest.Watching.class)
class WatchFolderTest {

  /** The watcher on, as in production. */
  public static class Watching implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("registry.watch", "true");
    }
  }

  @Test
  void shouldSyncWhenAFileIsAddedChangedAndRemoved() throws Exception {
    Path file = MetricsFolderResource.FOLDER.resolve("watched_metric.sql");
    String body = Files.readString(MetricsFolderResource.FOLDER.resolve("checkout_attempts.sql"))
        .replace("-- code: CHKO", "-- code: WTCH").replace("-- name: Checkout attempts", "-- name: Watched attempts");
    Files.writeString(file, body);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/api/metrics/watched_metric").then().statusCode(200).body("state", equalTo("valid")));
    Files.writeString(file, body.replace("-- norm_value: 1", "-- norm_value: 2"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/api/metrics/watched_metric").then().statusCode(200).body("definition.normValue", equalTo(2)));
    Files.delete(file);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/api/metrics/watched_metric").then().statusCode(404));
  }
}
