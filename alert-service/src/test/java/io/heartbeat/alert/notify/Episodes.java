package io.heartbeat.alert.notify;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.KafkaSupport;
import io.heartbeat.alert.MetricTable;
import io.heartbeat.alert.model.EventId;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Makes episodes happen on the real path, as DeliveryTest does: a daily metric (amber below 55, red below 50, one
 * window to fire and one to recover) owned by a team the routes file names; a day at 41 fires it red, a day at 60
 * after it resolves it. Its pages are then the outbox rows that judging wrote in its own transaction.
 */
public final class Episodes {

  private static final int DAY = 86400;
  private static final Instant DAY_ONE = Instant.parse("2026-06-01T00:00:00Z");

  private final KafkaSupport kafka;
  private final Pool pool;

  public Episodes(KafkaSupport kafka, Pool pool) {
    this.kafka = kafka;
    this.pool = pool;
  }

  /** A new metric owned by team, at stage, with a green first day; returns its id. */
  public String define(String name, String team, String stage) {
    String metricId = Fixtures.metricId(name);
    String version = version(metricId);
    ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 55.0, 50.0, "1d", DAY);
    kafka.sendDefinition(metricId, Fixtures.amend(Fixtures.windows(event, 1, 1), d -> d.put("owner", team)
        .put("stage", stage)));
    MetricTable.awaitVersion(pool, metricId, version);
    observe(metricId, 0, 60);
    return metricId;
  }

  /** Day 1 red: the episode fires. */
  public void fire(String metricId) {
    observe(metricId, 1, 41);
  }

  /** Day 2 green: the episode resolves. */
  public void resolve(String metricId) {
    observe(metricId, 2, 60);
  }

  /** The episode's dedup key (alert.v1 dedupKey): it started on day 1. */
  public static String key(String metricId) {
    return EventId.of(metricId, "*", DAY_ONE.plusSeconds(DAY).toString());
  }

  private void observe(String metricId, int day, double value) {
    kafka.sendObservation(metricId, Fixtures.observation(metricId, version(metricId),
        DAY_ONE.plusSeconds((long) day * DAY), DAY, "ok", value, null, null).toString());
  }

  private static String version(String metricId) {
    return Fixtures.version(metricId, "v1");
  }
}
