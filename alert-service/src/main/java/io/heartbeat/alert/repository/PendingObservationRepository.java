package io.heartbeat.alert.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.Written;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.pending_observation: observations that arrived before their metric's definition. */
@ApplicationScoped
public class PendingObservationRepository {

  private final Pool pool;

  public PendingObservationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Keeps the observations (as received) until their definition arrives. Runs on the caller's transaction. */
  public Uni<Void> storeAll(SqlClient client, List<Written<ObservationEvent>> observations, Instant receivedAt) {
    if (observations.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] ids = observations.stream().map(o -> o.event().id()).toArray(String[]::new);
    String[] metricIds = observations.stream().map(o -> o.event().metricId()).toArray(String[]::new);
    String[] payloads = observations.stream().map(Written::json).toArray(String[]::new);
    return client.preparedQuery("insert into alert.pending_observation (id, metric_id, payload, received_at)"
            + " select id, metric_id, payload::jsonb, $4 from unnest($1::text[], $2::text[], $3::text[])"
            + " as t(id, metric_id, payload) on conflict (id) do nothing")
        .execute(Tuple.of(ids, metricIds, payloads, Times.utc(receivedAt)))
        .replaceWithVoid();
  }

  /** The waiting observations of a metric as JSON, oldest first. */
  public Uni<List<String>> list(String metricId) {
    return pool.preparedQuery("select payload::text as payload from alert.pending_observation"
            + " where metric_id = $1 order by received_at, payload->>'windowStart', id")
        .execute(Tuple.of(metricId))
        .map(rows -> {
          List<String> payloads = new ArrayList<>();
          for (Row row : rows) {
            payloads.add(row.getString("payload"));
          }
          return payloads;
        });
  }

  public Uni<Void> deleteAll(SqlClient client, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery("delete from alert.pending_observation where id = any($1)")
        .execute(Tuple.of(ids.toArray(String[]::new))).replaceWithVoid();
  }
}
