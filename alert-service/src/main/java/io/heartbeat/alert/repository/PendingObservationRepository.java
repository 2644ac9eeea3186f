package io.heartbeat.alert.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.pending_observation: observations that arrived before their metric's definition. */
@ApplicationScoped
public class PendingObservationRepository {

  private final Pool pool;

  public PendingObservationRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Void> store(String id, String metricId, String observationJson, Instant receivedAt) {
    return pool.preparedQuery("insert into alert.pending_observation (id, metric_id, payload, received_at)"
            + " values ($1, $2, $3, $4) on conflict (id) do nothing")
        .execute(Tuple.of(id, metricId, new JsonObject(observationJson), Times.utc(receivedAt)))
        .replaceWithVoid();
  }

  /** The waiting observations of a metric as JSON, oldest first. */
  public Uni<List<String>> list(String metricId) {
    return pool.preparedQuery("select payload::text as payload from alert.pending_observation"
            + " where metric_id = $1 order by received_at, id")
        .execute(Tuple.of(metricId))
        .map(rows -> {
          List<String> payloads = new ArrayList<>();
          for (Row row : rows) {
            payloads.add(row.getString("payload"));
          }
          return payloads;
        });
  }

  public Uni<Void> delete(String id) {
    return pool.preparedQuery("delete from alert.pending_observation where id = $1")
        .execute(Tuple.of(id)).replaceWithVoid();
  }
}
