package io.heartbeat.alert.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.Written;
import io.smallrye.mutiny.Uni;
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

  // One statement per batch: arrays in, unnest into rows; a replayed id is skipped and not returned.
  private static final String INSERT = """
      insert into alert.evaluation (id, observation_id, metric_id, dimension_kind, dimension_value,
        window_start, window_end, value, status, rule, evaluated_at, payload)
      select id, observation_id, metric_id, dimension_kind, dimension_value, window_start, window_end, value,
        status, rule, evaluated_at, payload
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
        $7::timestamptz[], $8::float8[], $9::text[], $10::text[], $11::timestamptz[], $12::text[])
        as t(id, observation_id, metric_id, dimension_kind, dimension_value, window_start, window_end, value,
          status, rule, evaluated_at, payload)
      on conflict (id) do nothing
      returning id""";

  private final Pool pool;

  public EvaluationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the evaluations whose id is new and returns those ids. Runs on the caller's transaction. */
  public Uni<Set<String>> insertAll(SqlClient client, List<Written<EvaluationEvent>> evaluations) {
    if (evaluations.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    int n = evaluations.size();
    String[] ids = new String[n];
    String[] observationIds = new String[n];
    String[] metricIds = new String[n];
    String[] kinds = new String[n];
    String[] values = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    OffsetDateTime[] ends = new OffsetDateTime[n];
    Double[] numbers = new Double[n];
    String[] statuses = new String[n];
    String[] rules = new String[n];
    OffsetDateTime[] evaluatedAt = new OffsetDateTime[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      EvaluationEvent e = evaluations.get(i).event();
      ids[i] = e.id();
      observationIds[i] = e.observationId();
      metricIds[i] = e.metricId();
      kinds[i] = e.dimension() == null ? null : e.dimension().kind();
      values[i] = e.dimension() == null ? null : e.dimension().value();
      starts[i] = Times.utc(e.windowStart());
      ends[i] = Times.utc(e.windowEnd());
      numbers[i] = e.value();
      statuses[i] = e.status();
      rules[i] = e.rule();
      evaluatedAt[i] = Times.utc(e.evaluatedAt());
      payloads[i] = evaluations.get(i).json();
    }
    Tuple params = Tuple.from(Arrays.<Object>asList(ids, observationIds, metricIds, kinds, values, starts, ends,
        numbers, statuses, rules, evaluatedAt, payloads));
    return client.preparedQuery(INSERT).execute(params).map(rows -> {
      Set<String> inserted = new HashSet<>(rows.size() * 2);
      for (Row row : rows) {
        inserted.add(row.getString(0));
      }
      return inserted;
    });
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
