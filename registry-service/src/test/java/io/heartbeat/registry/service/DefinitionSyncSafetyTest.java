package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.heartbeat.registry.Tokens;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A sync can never blank the registry: a missing, unreadable or empty folder is refused and removes nothing, and a
 * sync that would remove more than half of the metrics holds them until an admin confirms exactly that list.
 */
@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class DefinitionSyncSafetyTest {

  private static final Path FOLDER = MetricsFolderResource.FOLDER;
  private static final Path AWAY = FOLDER.resolveSibling("test-metrics-away");
  private static final Path DEMO = Path.of("../db/metrics");
  private static final String PROBLEM_JSON = "application/problem+json";

  private List<String> before;

  @BeforeEach
  void syncedRegistry() {
    given().post("/api/registry/sync").then().statusCode(200).body("outcome", equalTo("applied"));
    before = metricIds();
    assertTrue(before.size() >= 8, "the demo metrics are in force: " + before);
  }

  /** The folder back as MetricsFolderResource made it, and a sync that brings every metric back. */
  @AfterEach
  void restoreFolder() throws IOException {
    if (Files.isRegularFile(FOLDER)) {
      Files.delete(FOLDER);
    }
    if (Files.isDirectory(FOLDER)) {
      Files.setPosixFilePermissions(FOLDER, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    if (Files.isDirectory(AWAY) && Files.notExists(FOLDER)) {
      Files.move(AWAY, FOLDER);
    }
    Files.createDirectories(FOLDER);
    try (Stream<Path> files = Files.list(DEMO)) {
      for (Path f : files.toList()) {
        Files.copy(f, FOLDER.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    deleteTree(AWAY);
    given().post("/api/registry/sync").then().statusCode(200).body("outcome", equalTo("applied"));
  }

  @Test
  void shouldRefuseAMissingFolderAndRemoveNothing() throws IOException {
    Files.move(FOLDER, AWAY);
    given().post("/api/registry/sync").then().statusCode(409).contentType(PROBLEM_JSON)
        .body("status", equalTo(409)).body("detail", containsString("does not exist"))
        .body("problems[0].file", equalTo("target/test-metrics")).body("problems[0].field", equalTo("folder"));
    assertEquals(before, metricIds());
    given().get("/api/registry/problems").then().statusCode(200)
        .body("field", hasItem("folder")).body("message", hasItem(containsString("no metric removed")));
  }

  @Test
  void shouldRefuseAnUnreadableFolderAndRemoveNothing() throws IOException {
    Files.setPosixFilePermissions(FOLDER, PosixFilePermissions.fromString("---------"));
    String cause = "AccessDeniedException";
    if (canList(FOLDER)) {
      // Running as root: mode 000 does not stop reads. A path that exists but cannot be listed as a folder takes
      // the same refusal (a ConfigMap mount gone wrong looks like this), so that is what this run proves.
      Log.infof("metrics folder still listable at mode 000 (running as root): testing an unlistable path instead");
      Files.setPosixFilePermissions(FOLDER, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(FOLDER, AWAY);
      Files.writeString(FOLDER, "a file where the metrics folder should be");
      cause = "NotDirectoryException";
    }
    given().post("/api/registry/sync").then().statusCode(409).contentType(PROBLEM_JSON)
        .body("detail", containsString("cannot be listed (" + cause))
        .body("problems[0].field", equalTo("folder"));
    assertEquals(before, metricIds());
  }

  @Test
  void shouldRefuseAnEmptyFolderAndRemoveNothing() throws IOException {
    Files.createDirectories(AWAY);
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("_")).toList()) {
        Files.move(f, AWAY.resolve(f.getFileName()));
      }
    }
    assertTrue(Files.exists(FOLDER.resolve("_schema.sql")), "the '_' file stays: it is not a metric");
    given().post("/api/registry/sync").then().statusCode(409).contentType(PROBLEM_JSON)
        .body("detail", containsString("holds no metric files"));
    assertEquals(before, metricIds());
    deleteTree(AWAY);
  }

  @Test
  void shouldHoldSixtyPercentOfRemovalsUntilAnAdminConfirmsThem() throws IOException {
    List<String> gone = deleteShare(0.6);
    ExtractableResponse<Response> held = given().post("/api/registry/sync").then().statusCode(409)
        .contentType(PROBLEM_JSON)
        .body("detail", containsString(gone.size() + " of " + before.size() + " metrics"))
        .body("detail", containsString("POST /api/registry/removals/confirm"))
        .body("pendingRemovals.metricIds", equalTo(gone))
        .body("report.outcome", equalTo("held")).body("report.removed", equalTo(0)).extract();
    String digest = held.path("pendingRemovals.digest");
    assertEquals(before, metricIds(), "nothing removed while held");
    given().get("/api/registry/problems").then().body("message", hasItem(containsString(digest)));
    given().get("/api/registry/removals").then().statusCode(200).body("digest", equalTo(digest));

    given().contentType(ContentType.JSON).body("{\"digest\": \"" + digest + "\"}")
        .post("/api/registry/removals/confirm").then().statusCode(401).contentType(PROBLEM_JSON);
    given().auth().oauth2(Tokens.of("olga", "operator")).contentType(ContentType.JSON)
        .body("{\"digest\": \"" + digest + "\"}").post("/api/registry/removals/confirm").then().statusCode(403)
        .contentType(PROBLEM_JSON).body("detail", containsString("expected admin"));
    given().auth().oauth2(Tokens.of("ada", "admin")).contentType(ContentType.JSON).body("{}")
        .post("/api/registry/removals/confirm").then().statusCode(422).contentType(PROBLEM_JSON);
    assertEquals(before, metricIds(), "no refused confirmation removed anything");

    given().auth().oauth2(Tokens.of("ada", "admin")).contentType(ContentType.JSON)
        .body("{\"digest\": \"" + digest + "\"}").post("/api/registry/removals/confirm").then().statusCode(200)
        .body("outcome", equalTo("applied")).body("removed", equalTo(gone.size()));
    List<String> after = metricIds();
    assertEquals(before.stream().filter(id -> !gone.contains(id)).toList(), after, "exactly the list shown went");
    for (String id : gone) {
      given().get("/api/metrics/" + id).then().statusCode(404);
      given().get("/api/metrics/" + id + "/audit").then().statusCode(200)
          .body("findAll { it.field == 'state' && it.newValue == 'removed' }.actor", hasItem("ada"));
    }
    given().get("/api/registry/removals").then().statusCode(204);
    given().get("/api/registry/problems").then().body("field", not(hasItem("folder")));
  }

  @Test
  void shouldRefuseAConfirmationWhenTheFolderChangedSinceItWasShown() throws IOException {
    List<String> gone = deleteShare(0.6);
    String digest = given().post("/api/registry/sync").then().statusCode(409).extract().path("pendingRemovals.digest");
    // One file comes back, another goes: still held, but no longer the list the admin saw.
    Files.copy(DEMO.resolve(gone.get(0) + ".sql"), FOLDER.resolve(gone.get(0) + ".sql"));
    String another = before.stream().filter(id -> !gone.contains(id)).findFirst().orElseThrow();
    Files.delete(FOLDER.resolve(another + ".sql"));
    String now = given().auth().oauth2(Tokens.of("ada", "admin")).contentType(ContentType.JSON)
        .body("{\"digest\": \"" + digest + "\"}").post("/api/registry/removals/confirm").then().statusCode(409)
        .contentType(PROBLEM_JSON).body("detail", containsString("does not name the removals pending now"))
        .body("pendingRemovals.metricIds", hasItem(another)).extract().path("pendingRemovals.digest");
    assertTrue(!now.equals(digest));
    assertEquals(before, metricIds(), "a stale confirmation removes nothing");
  }

  @Test
  void shouldRemoveBelowTheShareWithoutConfirmation() throws IOException {
    String id = before.get(0);
    Files.delete(FOLDER.resolve(id + ".sql"));
    given().post("/api/registry/sync").then().statusCode(200).body("outcome", equalTo("applied"))
        .body("removed", equalTo(1));
    given().get("/api/metrics/" + id).then().statusCode(404);
  }

  @Test
  void shouldKeepAMetricWhoseFileCannotBeRead() throws IOException {
    // A directory where the file was: listed, but unreadable as a file even for root.
    String id = "teammate_replies";
    Files.delete(FOLDER.resolve(id + ".sql"));
    Files.createDirectory(FOLDER.resolve(id + ".sql"));
    given().post("/api/registry/sync").then().statusCode(200).body("removed", equalTo(0));
    given().get("/api/metrics/" + id).then().statusCode(200).body("state", equalTo("invalid"))
        .body("definition.code", equalTo("TMRP")).body("problems[0].field", equalTo("file"));
    Files.delete(FOLDER.resolve(id + ".sql"));
  }

  /** Deletes the first files of the folder, at least {@code share} of the metrics in force; returns their ids. */
  private List<String> deleteShare(double share) throws IOException {
    List<String> gone = before.subList(0, (int) Math.ceil(share * before.size()));
    for (String id : gone) {
      Files.delete(FOLDER.resolve(id + ".sql"));
    }
    return List.copyOf(gone);
  }

  private static List<String> metricIds() {
    return given().get("/api/metrics").then().statusCode(200).extract().jsonPath().getList("metricId", String.class)
        .stream().sorted().toList();
  }

  private static boolean canList(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      entries.count();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
