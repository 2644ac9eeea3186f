package io.heartbeat.alert.notify.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.notify.Deploy;
import io.heartbeat.alert.notify.DimensionDrop;
import io.heartbeat.alert.notify.FailingHeartbeat;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackState;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.SuggestedAction;

/** Each suggestion rule fires on its facts, says why, and stays quiet without them. */
class SuggestionsTest {

  private static final Instant DROP = Instant.parse("2026-12-01T10:00:00Z");
  private static final Reading TOTAL = new Reading(400.0, 1000.0, 900.0, 1100.0, null, null, DROP, DROP.plusSeconds(60));

  @Test
  void shouldPointAtTheDeployJustBeforeTheDropAndFollowTheRollback() {
    Deploy deploy = new Deploy("messenger-api", "1.42", "production", DROP.minusSeconds(240), "abc", "ci");
    SuggestedAction started = only(Suggestions.of(episode(Severity.RED, null, TOTAL), List.of(deploy),
        new Rollback(RollbackState.STARTED, "x", "messenger-api", "1.42"), List.of(), List.of(), false), "recent_deploy");
    assertTrue(started.text().startsWith("Watch the automatic rollback of messenger-api 1.42"), started.text());
    assertEquals("messenger-api 1.42 finished deploying 4 min before the drop began at 2026-12-01T10:00:00Z",
        started.why());
    SuggestedAction failed = Suggestions.deploy(DROP, deploy, new Rollback(RollbackState.FAILED, "HTTP 403",
        "messenger-api", "1.42"));
    assertTrue(failed.text().startsWith("Roll back messenger-api 1.42 by hand"), failed.text());
  }

  @Test
  void shouldPointAtASharedDependencyWhenHeartbeatsFailTogether() {
    List<FailingHeartbeat> others = List.of(
        new FailingHeartbeat("teammate_replies", "Teammate replies", "TMRP", Severity.RED, DROP.plusSeconds(120), "u"),
        new FailingHeartbeat("old_one", "Old", "OLD1", Severity.AMBER, DROP.minusSeconds(86400), "u"));
    SuggestedAction shared = only(Suggestions.of(episode(Severity.RED, null, TOTAL), List.of(), null, others,
        List.of(), false), "shared_dependency");
    assertTrue(shared.text().contains("database failover"));
    assertEquals("1 other heartbeat started failing within 15 min of this one: TMRP", shared.why());
    assertTrue(Suggestions.of(episode(Severity.RED, null, TOTAL), List.of(), null, List.of(others.get(1)),
        List.of(), false).isEmpty(), "a heartbeat failing since yesterday is not failing together with this drop");
  }

  @Test
  void shouldNameTheOneCustomerWhoseDropIsTheTotals() {
    List<DimensionDrop> slices = List.of(slice("acme", 10, 600), slice("globex", 195, 200), slice("initech", 195,
        200));
    SuggestedAction alone = only(Suggestions.of(episode(Severity.ANOMALOUS, null, TOTAL), List.of(), null,
        List.of(), slices, false), "single_dimension");
    assertTrue(alone.text().startsWith("Look at customer acme alone"), alone.text());
    assertTrue(alone.why().startsWith("customer acme accounts for 98 % of the total's drop"), alone.why());
    List<DimensionDrop> everyone = List.of(slice("acme", 200, 400), slice("globex", 100, 300), slice("initech",
        100, 300));
    assertTrue(Suggestions.of(episode(Severity.ANOMALOUS, null, TOTAL), List.of(), null, List.of(), everyone, false)
        .isEmpty(), "a drop shared by every customer is not one customer's");
    only(Suggestions.of(episode(Severity.RED, new Dimension("region", "eu-west-1"), TOTAL), List.of(), null,
        List.of(), List.of(), false), "single_dimension");
    assertTrue(Suggestions.of(episode(Severity.RED, new Dimension("region", "eu-west-1"), TOTAL), List.of(), null,
        List.of(), List.of(), true).isEmpty(), "a slice failing with its total is not a slice alone");
  }

  @Test
  void shouldSendStaleToThePipelineAndErrorToTheValueSql() {
    SuggestedAction stale = only(Suggestions.of(episode(Severity.STALE, null, Reading.NONE), List.of(), null,
        List.of(), List.of(), false), "stale_pipeline");
    assertTrue(stale.text().contains("marts.messages"), stale.text());
    SuggestedAction error = only(Suggestions.of(episode(Severity.ERROR, null, Reading.NONE), List.of(), null,
        List.of(), List.of(), false), "error_value_sql");
    assertTrue(error.text().startsWith("Check the metric's value_sql and the marts"));
    assertTrue(error.why().contains("relation marts.messages does not exist"), error.why());
  }

  @Test
  void shouldListTheSlicesThatLostTheMostFirst() {
    List<DimensionDrop> slices = List.of(slice("tiny", 0, 1), slice("big", 100, 600), slice("up", 220, 200),
        slice("mid", 50, 150));
    assertEquals(List.of("big", "mid", "tiny"), ContextGatherer.top(episode(Severity.ANOMALOUS, null, TOTAL), slices)
        .stream().map(d -> d.dimension().value()).toList(), "by what they lost; one above its expected value is no drop");
  }

  private static SuggestedAction only(List<SuggestedAction> actions, String rule) {
    assertEquals(List.of(rule), actions.stream().map(SuggestedAction::rule).toList(), actions.toString());
    return actions.get(0);
  }

  private static ContextCase episode(Severity severity, Dimension dimension, Reading reading) {
    return new ContextCase("web_messenger_parts", dimension, "higher_is_better", List.of("messenger-api"),
        List.of("marts.messages"), severity, "error: relation marts.messages does not exist", DROP,
        DROP.plusSeconds(60), reading,
        "http://cockpit");
  }

  private static DimensionDrop slice(String customer, double value, double expected) {
    return new DimensionDrop(new Dimension("customer", customer), value, expected,
        (value - expected) / expected * 100);
  }
}
