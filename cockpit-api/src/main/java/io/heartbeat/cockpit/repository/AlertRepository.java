package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.AlertEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.alert_episode: one row per episode, folded from its steps and the notifications about it. */
@ApplicationScoped
public class AlertRepository {

  // A step already folded in (same step id: a replay or a duplicate) changes nothing and returns no row. A resolved
  // episode stays resolved; a step arriving for it (none should) only lands in its history.
  private static final String FOLD_STEP = """
      insert into cockpit.alert_episode as a (dedup_key, metric_id, series, state, status, worst_status,
        episode_start, fired_at, resolved_at, reason, steps, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, jsonb_build_array($11::jsonb), $8)
      on conflict (dedup_key) do update set
        state = case when a.state = 'resolved' then 'resolved' else excluded.state end,
        status = case when a.state = 'resolved' then a.status else excluded.status end,
        worst_status = excluded.worst_status,
        resolved_at = coalesce(a.resolved_at, excluded.resolved_at),
        reason = excluded.reason,
        steps = a.steps || excluded.steps,
        updated_at = greatest(a.updated_at, excluded.updated_at)
      where not a.steps @> jsonb_build_array(jsonb_build_object('id', $12::text))
      returning state
      """;

  private static final String SELECT = """
      select a.dedup_key, a.metric_id, m.code, m.name, a.series, a.state, a.status, a.worst_status, a.episode_start,
        a.fired_at, a.resolved_at, a.reason, a.steps, a.updated_at,
        (select n.body from cockpit.alert_notice n where n.dedup_key = a.dedup_key and n.slot = 'context') as context,
        (select n.body from cockpit.alert_notice n where n.dedup_key = a.dedup_key and n.slot = 'rollback') as rollback,
        (select coalesce(jsonb_agg(n.body order by n.occurred_at, n.slot), '[]'::jsonb) from cockpit.alert_notice n
          where n.dedup_key = a.dedup_key and n.kind = 'delivery') as deliveries
      from cockpit.alert_episode a left join cockpit.metric m on m.metric_id = a.metric_id
      """;

  private final Pool pool;

  public AlertRepository(Pool pool) {
    this.pool = pool;
  }

  /** Folds one step into its episode; empty when the step was already there. */
  public Uni<Optional<String>> fold(SqlClient client, AlertEvent step, JsonObject stepJson) {
    boolean resolved = step.type().equals("resolved");
    Tuple params = Tuple.tuple()
        .addString(step.dedupKey())
        .addString(step.metricId())
        .addString(step.series())
        .addString(resolved ? "resolved" : "firing")
        .addString(step.status().wire())
        .addString(step.worst().wire())
        .addOffsetDateTime(TileRepository.utc(step.episodeStart()))
        .addOffsetDateTime(TileRepository.utc(step.occurredAt()))
        .addOffsetDateTime(resolved ? TileRepository.utc(step.occurredAt()) : null)
        .addString(step.reason())
        .addValue(stepJson)
        .addString(step.id());
    return client.preparedQuery(FOLD_STEP).execute(params)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("state")));
  }

  /**
   * Records a notice in its slot unless the slot holds a later one (higher rank): a replayed or late "rollback
   * started" never hides "succeeded", an older attempt never hides a newer. Returns true when the slot changed.
   */
  public Uni<Boolean> notice(SqlClient client, String dedupKey, String slot, String kind, long rank, JsonObject body,
      Instant occurredAt) {
    return client.preparedQuery("""
        insert into cockpit.alert_notice as n (dedup_key, slot, kind, rank, body, occurred_at)
        values ($1, $2, $3, $4, $5, $6)
        on conflict (dedup_key, slot) do update set rank = excluded.rank, body = excluded.body,
          occurred_at = excluded.occurred_at
        where n.rank < excluded.rank or (n.rank = excluded.rank and n.body is distinct from excluded.body)
        """).execute(Tuple.tuple().addString(dedupKey).addString(slot).addString(kind).addLong(rank).addValue(body)
            .addOffsetDateTime(TileRepository.utc(occurredAt)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Episodes newest first (by firing time, then key), of one state or all, after the cursor. */
  public Uni<List<Row>> page(String state, Instant afterFiredAt, String afterKey, int limit) {
    return pool.preparedQuery(SELECT + """
        where ($1::text is null or a.state = $1)
          and ($2::timestamptz is null or (a.fired_at, a.dedup_key) < ($2, $3))
        order by a.fired_at desc, a.dedup_key desc limit $4
        """).execute(Tuple.of(state, afterFiredAt == null ? null : TileRepository.utc(afterFiredAt), afterKey, limit))
        .map(rows -> {
          List<Row> list = new ArrayList<>(rows.size());
          rows.forEach(list::add);
          return list;
        });
  }

  /** One episode by its dedup key. */
  public Uni<Optional<Row>> find(String dedupKey) {
    return pool.preparedQuery(SELECT + " where a.dedup_key = $1").execute(Tuple.of(dedupKey))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  /** The episodes of one series of a metric overlapping [from, to), for shading a chart. */
  public Uni<List<Row>> overlapping(String metricId, String series, Instant from, Instant to) {
    return pool.preparedQuery(SELECT + """
        where a.metric_id = $1 and a.series = $2 and a.episode_start < $4
          and coalesce(a.resolved_at, 'infinity') >= $3 order by a.episode_start
        """).execute(Tuple.of(metricId, series, TileRepository.utc(from), TileRepository.utc(to))).map(rows -> {
          List<Row> list = new ArrayList<>(rows.size());
          rows.forEach(list::add);
          return list;
        });
  }

  /** The open episode of each metric's total: metric id to row. */
  public Uni<List<Row>> openTotals() {
    return pool.query(SELECT + " where a.state = 'firing' and a.series = '*'").execute().map(rows -> {
      List<Row> list = new ArrayList<>(rows.size());
      rows.forEach(list::add);
      return list;
    });
  }

  static JsonArray array(Row row, String column) {
    Object v = row.getValue(column);
    return v instanceof JsonArray a ? a : new JsonArray();
  }
}
