package io.heartbeat.compute.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heartbeat.compute.DefinitionEvents;
import io.heartbeat.compute.Fixtures;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.repository.MetricRepository;
import io.quarkus.test.junit.QuarkusTest;

/** heartbeat.registry through real Kafka into compute.metric: removals, invalid files, poison, replays. */
@QuarkusTest
class RegistryListenerTest {

  private static final String SQL = "select 1 as value where :window_start < :window_end";

  @Inject
  MetricRepository metrics;

  @Test
  void shouldSkipPoisonMessageAndKeepConsuming() throws Exception {
    String metricId = Fixtures.metricId("poison");
    Fixtures.sendRegistry(metricId, "{not json");
    Fixtures.sendRegistry(metricId, "{\"schemaVersion\":1}");
    DefinitionEvents.defined(metricId, SQL).publish();

    awaitMetric(metricId, true);
  }

  @Test
  void shouldRecordRegistryPartitionThatDecidesComputingInstance() throws Exception {
    String metricId = Fixtures.metricId("partition");
    int partition = DefinitionEvents.defined(metricId, SQL).publish();

    awaitMetric(metricId, true);

    assertEquals(partition, metric(metricId).orElseThrow().get("registryPartition"));
    assertEquals(partition, Fixtures.queryValue(
        "select registry_partition from compute.metric where metric_id = ?", metricId));
  }

  @Test
  void shouldKeepEachMetricsOwnStatementTimeout() throws Exception {
    String bounded = Fixtures.metricId("timeout");
    String unbounded = Fixtures.metricId("default");
    DefinitionEvents.defined(bounded, SQL).timeoutSeconds(3).publish();
    DefinitionEvents.defined(unbounded, SQL).publish();
    awaitMetric(bounded, true);
    awaitMetric(unbounded, true);

    // As the schedule reads them for every tick.
    MetricSchedule withTimeout = metrics.schedule(bounded).await().atMost(Duration.ofSeconds(5)).orElseThrow();
    MetricSchedule withoutTimeout = metrics.schedule(unbounded).await().atMost(Duration.ofSeconds(5)).orElseThrow();
    assertEquals(3, withTimeout.current().definition().statementTimeoutSeconds());
    assertNull(withoutTimeout.current().definition().statementTimeoutSeconds(), "compute.statement-timeout applies");
  }

  @Test
  void shouldRemoveMetricOnTombstone() throws Exception {
    String metricId = Fixtures.metricId("tomb");
    DefinitionEvents.defined(metricId, SQL).publish();
    awaitMetric(metricId, true);

    Fixtures.sendRegistry(metricId, null);

    awaitMetric(metricId, false);
  }

  @Test
  void shouldRemoveMetricOnRemovedEvent() throws Exception {
    String metricId = Fixtures.metricId("removed");
    DefinitionEvents.defined(metricId, SQL).publish();
    awaitMetric(metricId, true);

    DefinitionEvents.defined(metricId, SQL).version("fedcba9876543210").removed().publish();

    awaitMetric(metricId, false);
  }

  @Test
  void shouldKeepLastGoodDefinitionWhileFileIsInvalid() throws Exception {
    String metricId = Fixtures.metricId("invalid");
    DefinitionEvents.defined(metricId, SQL).version("aaaaaaaaaaaaaaaa").publish();
    awaitMetric(metricId, true);

    DefinitionEvents.defined(metricId, SQL).version("bbbbbbbbbbbbbbbb").invalid().publish();

    await().atMost(Duration.ofSeconds(20)).until(() -> "invalid".equals(metric(metricId).map(m -> m.get("state"))
        .orElse(null)));
    assertEquals("aaaaaaaaaaaaaaaa", metric(metricId).orElseThrow().get("version"),
        "observations keep the version of the definition really in force");
  }

  @Test
  void shouldNotRegisterInvalidMetricWithoutGoodDefinition() throws Exception {
    String metricId = Fixtures.metricId("nodef");
    DefinitionEvents.defined(metricId, SQL).invalid().withoutDefinition().publish();
    String marker = Fixtures.metricId("marker");
    DefinitionEvents.defined(marker, SQL).publish();
    awaitMetric(marker, true);

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> metric(metricId).isEmpty());
  }

  @Test
  void shouldChangeNothingOnReplay() throws Exception {
    String metricId = Fixtures.metricId("replay");
    DefinitionEvents event = DefinitionEvents.defined(metricId, SQL);
    String json = event.json();
    Fixtures.sendRegistry(metricId, json);
    awaitMetric(metricId, true);
    String before = updatedAt(metricId);

    Fixtures.sendRegistry(metricId, json);

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> before.equals(updatedAt(metricId)));
  }

  private static void awaitMetric(String metricId, boolean present) {
    await().atMost(Duration.ofSeconds(20)).until(() -> metric(metricId).isPresent() == present);
  }

  private static Optional<Map<String, Object>> metric(String metricId) {
    List<Map<String, Object>> metrics = given().get("/api/metrics").then().statusCode(200).extract().jsonPath()
        .getList("$");
    return metrics.stream().filter(m -> metricId.equals(m.get("metricId"))).findFirst();
  }

  private static String updatedAt(String metricId) throws Exception {
    try (Connection connection = Fixtures.heartbeat(); PreparedStatement query = connection.prepareStatement(
        "select updated_at::text from compute.metric where metric_id = ?")) {
      query.setString(1, metricId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : "absent";
      }
    }
  }
}
