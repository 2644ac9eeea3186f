package io.heartbeat.cockpit.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.model.Learning;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.tile: the latest metric-level evaluation per metric, read joined with its definition. */
@ApplicationScoped
public class TileRepository {

  // One row per metric (the batch's newest). Only a later window, or a later judgement of the same window, replaces
  // the tile: an older or duplicate evaluation (same window, same evaluatedAt) leaves the row as it is, so a replay
  // never moves a tile back. Returns the metrics whose tile changed.
  private static final String UPSERT = """
      insert into cockpit.tile (metric_id, evaluation_id, status, value, rule, window_start, window_end, evaluated_at,
        band_expected, band_lower, band_upper)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::timestamptz[],
        $7::timestamptz[], $8::timestamptz[], $9::float8[], $10::float8[], $11::float8[])
      on conflict (metric_id) do update set
        evaluation_id = excluded.evaluation_id, status = excluded.status, value = excluded.value,
        rule = excluded.rule, window_start = excluded.window_start, window_end = excluded.window_end,
        evaluated_at = excluded.evaluated_at, band_expected = excluded.band_expected,
        band_lower = excluded.band_lower, band_upper = excluded.band_upper, stale_announced_at = null
      where cockpit.tile.window_start < excluded.window_start
         or (cockpit.tile.window_start = excluded.window_start and cockpit.tile.evaluated_at < excluded.evaluated_at)
      returning metric_id
      """;

  // Every metric in the registry has a tile; one with no evaluation yet reads as unknown.
  private static final String SELECT = """
      select m.metric_id, m.code, m.name, m.unit, m.period, m.direction, coalesce(t.status, 'unknown') as status,
        t.value, t.rule, t.band_expected, t.band_lower, t.band_upper, t.window_start, t.window_end, t.evaluated_at,
        m.norm_value, m.alert_value, m.target_value, m.target_due_date, m.stage, m.how_to_read,
        coalesce((m.definition->>'periodSeconds')::bigint, 60) as period_seconds, t.evaluation_id,
        t.stale_announced_at
      from cockpit.metric m left join cockpit.tile t on t.metric_id = m.metric_id
      """;

  private final Pool pool;

  public TileRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records each evaluation (at most one per metric) as its tile unless a newer one is there; returns the changed. */
  public Uni<Set<String>> upsert(SqlClient client, Collection<EvaluationEvent> newest) {
    int n = newest.size();
    String[] metricIds = new String[n];
    String[] ids = new String[n];
    String[] statuses = new String[n];
    Double[] values = new Double[n];
    String[] rules = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    OffsetDateTime[] ends = new OffsetDateTime[n];
    OffsetDateTime[] evaluated = new OffsetDateTime[n];
    Bands bands = new Bands(n);
    int i = 0;
    for (EvaluationEvent e : newest) {
      metricIds[i] = e.metricId();
      ids[i] = e.id();
      statuses[i] = e.status().wire();
      values[i] = e.value();
      rules[i] = e.rule();
      starts[i] = utc(e.windowStart());
      ends[i] = utc(e.windowEnd());
      evaluated[i] = utc(e.evaluatedAt());
      bands.set(i++, e.band());
    }
    Tuple params = Tuple.tuple().addArrayOfString(metricIds).addArrayOfString(ids).addArrayOfString(statuses)
        .addArrayOfDouble(values).addArrayOfString(rules).addArrayOfOffsetDateTime(starts)
        .addArrayOfOffsetDateTime(ends).addArrayOfOffsetDateTime(evaluated);
    bands.addTo(params);
    return client.preparedQuery(UPSERT).execute(params).map(rows -> {
      Set<String> changed = new HashSet<>();
      rows.forEach(row -> changed.add(row.getString("metric_id")));
      return changed;
    });
  }

  /** Every tile, in no particular order. */
  public Uni<List<StoredTile>> findAll() {
    return pool.query(SELECT).execute().map(TileRepository::stored);
  }

  /** The tiles of the given metrics, read on the caller's connection (inside its transaction). */
  public Uni<List<StoredTile>> find(SqlClient client, Collection<String> metricIds) {
    return client.preparedQuery(SELECT + " where m.metric_id = any($1)")
        .execute(Tuple.of(metricIds.toArray(String[]::new))).map(TileRepository::stored);
  }

  /** The tile of one metric, empty when the metric is not in the registry. */
  public Uni<Optional<StoredTile>> findById(String metricId) {
    return pool.preparedQuery(SELECT + " where m.metric_id = $1").execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  /** Marks the stale announcement of a tile made, so the cockpit clock announces one silence once. */
  public Uni<Void> staleAnnounced(SqlClient client, String metricId, Instant at) {
    return client.preparedQuery("update cockpit.tile set stale_announced_at = $2 where metric_id = $1")
        .execute(Tuple.of(metricId, utc(at))).replaceWithVoid();
  }

  /** A tile as stored, with what the cockpit clock needs to age it. */
  public record StoredTile(Tile tile, Duration period, String evaluationId, Instant staleAnnouncedAt) {
  }

  private static List<StoredTile> stored(RowSet<Row> rows) {
    List<StoredTile> tiles = new ArrayList<>(rows.size());
    rows.forEach(row -> tiles.add(stored(row)));
    return tiles;
  }

  private static StoredTile stored(Row row) {
    return new StoredTile(toTile(row), Duration.ofSeconds(row.getLong("period_seconds")),
        row.getString("evaluation_id"), instant(row.getOffsetDateTime("stale_announced_at")));
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
        Bands.read(row),
        Learning.fromRule(row.getString("rule")),
        instant(row.getOffsetDateTime("window_start")),
        instant(row.getOffsetDateTime("window_end")),
        instant(row.getOffsetDateTime("evaluated_at")),
        row.getDouble("norm_value"),
        row.getDouble("alert_value"),
        row.getDouble("target_value"),
        row.getLocalDate("target_due_date"),
        row.getString("stage"),
        row.getString("how_to_read"),
        null, null, null, null, null);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
