package io.heartbeat.alert.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.EvaluationEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.evaluation: every evaluation made, with the event as published (payload). */
@ApplicationScoped
public class EvaluationRepository {

  // Latest window first; for the same window a real observation (evaluated later) outranks the stale verdict.
  private static final String LATEST = " order by window_start desc, evaluated_at desc, id";

  private final Pool pool;

  public EvaluationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts unless the id exists; true when the row is new. Runs on the caller's transaction. */
  public Uni<Boolean> insert(SqlClient client, EvaluationEvent event, String payloadJson) {
    String sql = """
        insert into alert.evaluation (id, observation_id, metric_id, dimension_kind, dimension_value,
          window_start, window_end, value, status, rule, evaluated_at, payload)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        on conflict (id) do nothing""";
    Tuple params = Tuple.from(Arrays.asList(event.id(), event.observationId(), event.metricId(),
        event.dimension() == null ? null : event.dimension().kind(),
        event.dimension() == null ? null : event.dimension().value(),
        Times.utc(event.windowStart()), Times.utc(event.windowEnd()), event.value(), event.status(), event.rule(),
        Times.utc(event.evaluatedAt()), new JsonObject(payloadJson)));
    return client.preparedQuery(sql).execute(params).map(RowSet::rowCount).map(count -> count == 1);
  }

  /** The latest evaluations of a metric (all dimensions) as published JSON. */
  public Uni<List<String>> latest(String metricId, int limit) {
    return pool.preparedQuery("select payload::text as payload from alert.evaluation where metric_id = $1"
            + LATEST + " limit $2")
        .execute(Tuple.of(metricId, limit))
        .map(EvaluationRepository::payloads);
  }

  /** The latest metric-level (no dimension) evaluation as published JSON, or null. */
  public Uni<String> latestOfMetric(String metricId) {
    return pool.preparedQuery("select payload::text as payload from alert.evaluation where metric_id = $1"
            + " and dimension_kind is null" + LATEST + " limit 1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("payload"));
  }

  private static List<String> payloads(RowSet<Row> rows) {
    List<String> payloads = new ArrayList<>();
    for (Row row : rows) {
      payloads.add(row.getString("payload"));
    }
    return payloads;
  }
}
