package io.heartbeat.cockpit;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.restassured.path.json.config.JsonPathConfig;

/** Reads GET /api/tiles the way a client does, numbers as doubles. */
public final class Tiles {

  private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  private Tiles() {
  }

  public static List<Map<String, Object>> all() {
    return given().accept("application/json").get("/api/tiles")
        .then().statusCode(200).extract().jsonPath(DOUBLES).getList("$");
  }

  public static Optional<Map<String, Object>> find(String metricId) {
    return all().stream().filter(t -> metricId.equals(t.get("metricId"))).findFirst();
  }

  /** GET /api/tiles/{metricId} as {tile, series}. */
  public static Map<String, Object> detail(String metricId) {
    return given().accept("application/json").get("/api/tiles/{id}", metricId)
        .then().statusCode(200).extract().jsonPath(DOUBLES).getMap("$");
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> series(String metricId) {
    return (List<Map<String, Object>>) detail(metricId).get("series");
  }
}
