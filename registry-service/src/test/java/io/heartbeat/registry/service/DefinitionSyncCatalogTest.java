package io.heartbeat.registry.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heartbeat.registry.MetricsFolderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At sync, each metric's value_sql calls are looked up in the marts catalog: a VOLATILE or unknown function makes the
 * file invalid with file:line:field, wherever the call hides, and its last good definition stays in force.
 */
@QuarkusTest
@QuarkusTestResource(MetricsFolderResource.class)
class DefinitionSyncCatalogTest {

  private static final Path FOLDER = MetricsFolderResource.FOLDER;
  private static final String HEADER = """
      -- name: %s
      -- code: %s
      -- period: 5m
      -- direction: higher_is_better
      -- unit: attempts
      -- how_to_read: A probe of the catalog check.
      """;
  /** metric_id -> code, value_sql; the refused call sits on the SQL's third line (line 9 of the file). */
  private static final Map<String, String[]> PROBES = Map.of(
      "clock_probe", new String[] {"CLKP", """
          select count(*)::numeric as value
          from marts.checkout_attempt
          where created_at >= :window_start and created_at < clock_timestamp()
          and created_at < :window_end"""},
      "random_probe", new String[] {"RNDP", """
          select count(*)::numeric as value
          from marts.checkout_attempt
          where random() < 0.5
          and created_at >= :window_start and created_at < :window_end"""},
      "unknown_probe", new String[] {"UNKP", """
          select count(*)::numeric as value
          from marts.checkout_attempt
          where marts.no_such_function(region)
          and created_at >= :window_start and created_at < :window_end"""},
      "hidden_probe", new String[] {"HIDP", """
          with c as (select created_at from marts.checkout_attempt
            where created_at >= :window_start and created_at < :window_end)
          select count(*)::numeric as value from c, lateral (select cast(pg_catalog."setseed"(0.5) as text) s) l"""},
      "now_probe", new String[] {"NOWP", """
          select count(*)::numeric as value
          from marts.checkout_attempt
          where created_at < now() and date_trunc('minute', created_at) >= :window_start
          and created_at < :window_end"""});

  @AfterEach
  void removeProbes() throws Exception {
    for (String id : PROBES.keySet()) {
      Files.deleteIfExists(FOLDER.resolve(id + ".sql"));
    }
    Files.copy(Path.of("../db/metrics/web_messenger_parts.sql"), FOLDER.resolve("web_messenger_parts.sql"),
        StandardCopyOption.REPLACE_EXISTING);
    given().post("/api/registry/sync").then().statusCode(200);
  }

  @Test
  void shouldRefuseVolatileAndUnknownFunctionsWithFileLineField() throws Exception {
    for (Map.Entry<String, String[]> p : PROBES.entrySet()) {
      Files.writeString(FOLDER.resolve(p.getKey() + ".sql"),
          HEADER.formatted(p.getKey().replace('_', ' '), p.getValue()[0]) + p.getValue()[1] + "\n");
    }
    given().post("/api/registry/sync").then().statusCode(200).body("added", equalTo(5)).body("invalid", equalTo(4));
    List<Map<String, Object>> problems = given().get("/api/registry/problems").then().statusCode(200).extract()
        .jsonPath().getList("$");
    assertProblem(problems, "clock_probe", 9, "call to clock_timestamp(): VOLATILE in the marts database");
    assertProblem(problems, "random_probe", 9, "call to random(): VOLATILE in the marts database (random())");
    assertProblem(problems, "unknown_probe", 9, "call to marts.no_such_function(): no such function in schema marts");
    assertProblem(problems, "hidden_probe", 9, "call to pg_catalog.setseed(): VOLATILE");
    given().get("/api/metrics/now_probe").then().statusCode(200).body("state", equalTo("valid"));
    given().get("/api/metrics/random_probe").then().statusCode(200).body("state", equalTo("invalid"))
        .body("problems[0].field", equalTo("value_sql")).body("problems[0].line", equalTo(9));
  }

  @Test
  void shouldKeepTheLastGoodDefinitionWhenAFileStartsCallingAVolatileFunction() throws Exception {
    Path file = FOLDER.resolve("web_messenger_parts.sql");
    String good = Files.readString(file);
    Files.writeString(file, good.replace("created_at < :window_end", "created_at < :window_end and random() < 2"));
    given().post("/api/registry/sync").then().statusCode(200).body("changed", equalTo(1));
    given().get("/api/metrics/web_messenger_parts").then().statusCode(200).body("state", equalTo("invalid"))
        .body("definition.valueSql", org.hamcrest.Matchers.not(containsString("random()")))
        .body("problems[0].message", containsString("call to random(): VOLATILE"));
  }

  private static void assertProblem(List<Map<String, Object>> problems, String id, int line, String message) {
    assertTrue(problems.stream().anyMatch(p -> String.valueOf(p.get("file")).endsWith("/" + id + ".sql")
        && Integer.valueOf(line).equals(p.get("line")) && "value_sql".equals(p.get("field"))
        && String.valueOf(p.get("message")).contains(message)),
        id + ".sql:" + line + ": value_sql " + message + " not in " + problems);
  }
}
