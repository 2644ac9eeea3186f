package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.model.SeriesPoint;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.series_point: recent metric-level points per metric, one per window. */
@ApplicationScoped
public class SeriesRepository {

  // One statement for a whole poll (rows unique per window). A window judged again later replaces its point; a
  // late, older judgement of it does not.
  private static final String UPSERT = """
      insert into cockpit.series_point (metric_id, window_start, value, status, evaluated_at,
        band_expected, band_lower, band_upper)
      select * from unnest($1::text[], $2::timestamptz[], $3::float8[], $4::text[], $5::timestamptz[],
        $6::float8[], $7::float8[], $8::float8[])
      on conflict (metric_id, window_start) do update set
        value = excluded.value, status = excluded.status, evaluated_at = excluded.evaluated_at,
        band_expected = excluded.band_expected, band_lower = excluded.band_lower, band_upper = excluded.band_upper
      where cockpit.series_point.evaluated_at < excluded.evaluated_at
      """;

  private static final String RECENT = """
      select window_start, value, status, band_expected, band_lower, band_upper from cockpit.series_point
      where metric_id = $1 and window_start >= $2 order by window_start
      """;

  private final Pool pool;

  public SeriesRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records each evaluation's window as a point; at most one evaluation per (metric, window). */
  public Uni<Void> upsert(SqlClient client, Collection<EvaluationEvent> points) {
    if (points.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = points.size();
    String[] metricIds = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    Double[] values = new Double[n];
    String[] statuses = new String[n];
    OffsetDateTime[] evaluated = new OffsetDateTime[n];
    Bands bands = new Bands(n);
    int i = 0;
    for (EvaluationEvent e : points) {
      metricIds[i] = e.metricId();
      starts[i] = TileRepository.utc(e.windowStart());
      values[i] = e.value();
      statuses[i] = e.status().wire();
      evaluated[i] = TileRepository.utc(e.evaluatedAt());
      bands.set(i++, e.band());
    }
    Tuple params = Tuple.tuple().addArrayOfString(metricIds).addArrayOfOffsetDateTime(starts)
        .addArrayOfDouble(values).addArrayOfString(statuses).addArrayOfOffsetDateTime(evaluated);
    bands.addTo(params);
    return client.preparedQuery(UPSERT).execute(params).replaceWithVoid();
  }

  /** The metric's points whose window started at or after since, oldest first. */
  public Uni<List<SeriesPoint>> since(String metricId, Instant since) {
    return pool.preparedQuery(RECENT).execute(Tuple.of(metricId, TileRepository.utc(since))).map(rows -> {
      List<SeriesPoint> points = new ArrayList<>(rows.size());
      rows.forEach(row -> points.add(new SeriesPoint(
          TileRepository.instant(row.getOffsetDateTime("window_start")),
          row.getDouble("value"),
          Status.fromWire(row.getString("status")),
          Bands.read(row))));
      return points;
    });
  }

  /** The metric's points with windows in [from, to), oldest first. */
  public Uni<List<SeriesPoint>> between(String metricId, Instant from, Instant to) {
    return pool.preparedQuery("""
        select window_start, value, status, band_expected, band_lower, band_upper from cockpit.series_point
        where metric_id = $1 and window_start >= $2 and window_start < $3 order by window_start
        """).execute(Tuple.of(metricId, TileRepository.utc(from), TileRepository.utc(to)))
        .map(SeriesRepository::points);
  }

  /** Per metric, its last perMetric points at or after since, oldest first: every sparkline in one statement. */
  public Uni<Map<String, List<Tile.Spark>>> sparklines(Instant since, int perMetric) {
    return pool.preparedQuery("""
        select metric_id, window_start, value, status, band_expected, band_lower, band_upper from (
          select p.*, row_number() over (partition by metric_id order by window_start desc) as rn
          from cockpit.series_point p where window_start >= $1) recent
        where rn <= $2 order by metric_id, window_start
        """).execute(Tuple.of(TileRepository.utc(since), perMetric)).map(rows -> {
          Map<String, List<Tile.Spark>> lines = new HashMap<>();
          rows.forEach(row -> lines.computeIfAbsent(row.getString("metric_id"), k -> new ArrayList<>())
              .add(new Tile.Spark(TileRepository.instant(row.getOffsetDateTime("window_start")),
                  row.getDouble("value"), Status.fromWire(row.getString("status")), row.getDouble("band_lower"),
                  row.getDouble("band_upper"), row.getDouble("band_expected"))));
          return lines;
        });
  }

  static List<SeriesPoint> points(RowSet<Row> rows) {
    List<SeriesPoint> points = new ArrayList<>(rows.size());
    rows.forEach(row -> points.add(new SeriesPoint(
        TileRepository.instant(row.getOffsetDateTime("window_start")),
        row.getDouble("value"),
        Status.fromWire(row.getString("status")),
        Bands.read(row))));
    return points;
  }

  /** Deletes every point whose window started before the cutoff; returns how many went. */
  public Uni<Integer> pruneBefore(Instant cutoff) {
    return pool.preparedQuery("delete from cockpit.series_point where window_start < $1")
        .execute(Tuple.of(TileRepository.utc(cutoff))).map(SqlResult::rowCount);
  }
}
