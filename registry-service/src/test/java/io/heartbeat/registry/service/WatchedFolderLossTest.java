package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The watched folder deleted (a failed checkout, an unmounted volume) removes nothing, and is watched again when back. */
@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
@TestProfile(WatchFolderTest.Watching.class)
class WatchedFolderLossTest {

  private static final Path FOLDER = MetricsFolderResource.FOLDER;

  @Test
  void shouldRemoveNothingWhenTheFolderGoesAndWatchItAgainWhenItComesBack() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> metricIds().size() >= 8);
    List<String> before = metricIds();
    try (Stream<Path> files = Files.walk(FOLDER)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/registry/problems").then()
        .body("field", hasItem("folder")).body("message", hasItem(containsString("does not exist"))));
    assertEquals(before, metricIds(), "a deleted folder removes no metric");

    Files.createDirectories(FOLDER);
    try (Stream<Path> files = Files.list(Path.of("../db/metrics"))) {
      for (Path f : files.toList()) {
        Files.copy(f, FOLDER.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path added = FOLDER.resolve("returning_metric.sql");
    Files.writeString(added, Files.readString(FOLDER.resolve("checkout_attempts.sql"))
        .replace("-- code: CHKO", "-- code: RTRN").replace("-- name: Checkout attempts", "-- name: Returning attempts"));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        given().get("/api/metrics/returning_metric").then().statusCode(200).body("state", equalTo("valid")));
    assertEquals(before, metricIds().stream().filter(id -> !id.equals("returning_metric")).toList());
    Files.delete(added);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/api/metrics/returning_metric").then().statusCode(404));
  }

  private static List<String> metricIds() {
    return given().get("/api/metrics").then().statusCode(200).extract().jsonPath().getList("metricId", String.class)
        .stream().sorted().toList();
  }
}
