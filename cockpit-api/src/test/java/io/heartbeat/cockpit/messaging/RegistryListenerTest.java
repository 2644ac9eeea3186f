package io.heartbeat.cockpit.messaging;

import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.removed;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.window;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.Tiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** heartbeat.registry into cockpit.metric: definitions, redefinitions, removals, tombstones and poison. */
@QuarkusTest
class RegistryListenerTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Inject
  MeterRegistry meters;

  @Test
  void shouldRemoveTileOnRemovedEventAndForgetItsEvaluations() {
    String id = metricId("removed");
    String code = code();
    send(REGISTRY, id, defined(id, code, "Soon removed", Instant.now()));
    send(EVALUATIONS, id, evaluation(id, window(1), "red", 3.0, Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).map(t -> "red".equals(t.get("status"))).orElse(false));

    send(REGISTRY, id, removed(id, Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isEmpty());
    given().get("/api/tiles/{id}", id).then().statusCode(404);

    // Defined again, it starts over: the removed metric's evaluation went with it.
    send(REGISTRY, id, defined(id, code, "Back again", Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isPresent());
    Map<String, Object> tile = Tiles.find(id).orElseThrow(AssertionError::new);
    assertEquals("Back again", tile.get("name"));
    assertEquals("unknown", tile.get("status"));
    assertNull(tile.get("value"));
    assertTrue(Tiles.series(id).isEmpty());
  }

  @Test
  void shouldRemoveTileOnTombstone() {
    String id = metricId("tombstone");
    send(REGISTRY, id, defined(id, code(), "Tombstoned", Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isPresent());

    send(REGISTRY, id, (String) null);
    await().atMost(WAIT).until(() -> Tiles.find(id).isEmpty());
  }

  @Test
  void shouldApplyRedefinitionButNotAnOlderOne() {
    String id = metricId("redefined");
    String code = code();
    Instant first = Instant.now();
    send(REGISTRY, id, defined(id, code, "First name", first));
    send(REGISTRY, id, defined(id, code, "Second name", first.plusSeconds(10)));
    await().atMost(WAIT).until(() -> Tiles.find(id).map(t -> "Second name".equals(t.get("name"))).orElse(false));

    double superseded = count("superseded");
    send(REGISTRY, id, defined(id, code, "First name", first));
    await().atMost(WAIT).until(() -> count("superseded") > superseded);
    assertEquals("Second name", Tiles.find(id).orElseThrow(AssertionError::new).get("name"));
  }

  @Test
  void shouldSkipPoisonMessageAndCountIt() {
    double poison = count("poison");
    String id = metricId("reg_poison");
    send(REGISTRY, id, "definitely not json");
    send(REGISTRY, id, defined(id, code(), "After poison", Instant.now()));
    await().atMost(WAIT).until(() -> Tiles.find(id).isPresent());
    assertTrue(count("poison") > poison);
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("cockpit_events_total{channel=\"registry\",outcome=\"poison\"}"));
  }

  private double count(String outcome) {
    Counter counter = meters.find("cockpit.events").tags("channel", "registry", "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
