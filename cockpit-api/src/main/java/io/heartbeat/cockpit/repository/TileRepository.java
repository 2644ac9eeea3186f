package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.tile: the latest metric-level evaluation per metric, read joined with its definition. */
@ApplicationScoped
public class TileRepository {

  // Only a later window, or a later judgement of the same window, replaces the tile: an older or
  // duplicate evaluation (same window, same evaluatedAt) leaves the row as it is.
  private static final String UPSERT = """
      insert into cockpit.tile (metric_id, evaluation_id, status, value, rule, window_start, window_end, evaluated_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8)
      on conflict (metric_id) do update set
        evaluation_id = excluded.evaluation_id, status = excluded.status, value = excluded.value,
        rule = excluded.rule, window_start = excluded.window_start, window_end = excluded.window_end,
        evaluated_at = excluded.evaluated_at
      where cockpit.tile.window_start < excluded.window_start
         or (cockpit.tile.window_start = excluded.window_start and cockpit.tile.evaluated_at < excluded.evaluated_at)
      """;

  // Every metric in the registry has a tile; one with no evaluation yet reads as unknown.
  private static final String SELECT = """
      select m.metric_id, m.code, m.name, m.unit, m.period, m.direction, coalesce(t.status, 'unknown') as status,
        t.value, t.rule, t.window_start, t.window_end, t.evaluated_at, m.norm_value, m.alert_value,
        m.target_value, m.target_due_date, m.stage, m.how_to_read
      from cockpit.metric m left join cockpit.tile t on t.metric_id = m.metric_id
      """;

  private final Pool pool;

  public TileRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records the evaluation as the tile unless a newer one is there; returns whether the tile changed. */
  public Uni<Boolean> upsert(SqlClient client, EvaluationEvent e) {
    Tuple params = Tuple.tuple()
        .addString(e.metricId())
        .addString(e.id())
        .addString(e.status().wire())
        .addDouble(e.value())
        .addString(e.rule())
        .addOffsetDateTime(utc(e.windowStart()))
        .addOffsetDateTime(utc(e.windowEnd()))
        .addOffsetDateTime(utc(e.evaluatedAt()));
    return client.preparedQuery(UPSERT).execute(params).map(rows -> rows.rowCount() > 0);
  }

  /** Every tile, in no particular order. */
  public Uni<List<Tile>> findAll() {
    return pool.query(SELECT).execute().map(rows -> {
      List<Tile> tiles = new ArrayList<>(rows.size());
      rows.forEach(row -> tiles.add(toTile(row)));
      return tiles;
    });
  }

  /** The tile of one metric, empty when the metric is not in the registry. */
  public Uni<Optional<Tile>> findById(String metricId) {
    return pool.preparedQuery(SELECT + " where m.metric_id = $1").execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTile(rows.iterator().next())));
  }

  private static Tile toTile(Row row) {
    return new Tile(
        row.getString("metric_id"),
        row.getString("code"),
        row.getString("name"),
        row.getString("unit"),
        row.getString("period"),
        row.getString("direction"),
        Status.fromWire(row.getString("status")),
        row.getDouble("value"),
        row.getString("rule"),
        instant(row.getOffsetDateTime("window_start")),
        instant(row.getOffsetDateTime("window_end")),
        instant(row.getOffsetDateTime("evaluated_at")),
        row.getDouble("norm_value"),
        row.getDouble("alert_value"),
        row.getDouble("target_value"),
        row.getLocalDate("target_due_date"),
        row.getString("stage"),
        row.getString("how_to_read"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
