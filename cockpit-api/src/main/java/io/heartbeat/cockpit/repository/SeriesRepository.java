package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.model.SeriesPoint;
import io.heartbeat.cockpit.model.Status;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.series_point: recent metric-level points per metric, one per window. */
@ApplicationScoped
public class SeriesRepository {

  // A window judged again later replaces its point; a late, older judgement of it does not.
  private static final String UPSERT = """
      insert into cockpit.series_point (metric_id, window_start, value, status, evaluated_at)
      values ($1, $2, $3, $4, $5)
      on conflict (metric_id, window_start) do update set
        value = excluded.value, status = excluded.status, evaluated_at = excluded.evaluated_at
      where cockpit.series_point.evaluated_at < excluded.evaluated_at
      """;

  private static final String RECENT = """
      select window_start, value, status from cockpit.series_point
      where metric_id = $1 and window_start >= $2 order by window_start
      """;

  private final Pool pool;

  public SeriesRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records the evaluation's window as a point. */
  public Uni<Void> upsert(SqlClient client, EvaluationEvent e) {
    Tuple params = Tuple.tuple()
        .addString(e.metricId())
        .addOffsetDateTime(TileRepository.utc(e.windowStart()))
        .addDouble(e.value())
        .addString(e.status().wire())
        .addOffsetDateTime(TileRepository.utc(e.evaluatedAt()));
    return client.preparedQuery(UPSERT).execute(params).replaceWithVoid();
  }

  /** The metric's points whose window started at or after since, oldest first. */
  public Uni<List<SeriesPoint>> since(String metricId, Instant since) {
    return pool.preparedQuery(RECENT).execute(Tuple.of(metricId, TileRepository.utc(since))).map(rows -> {
      List<SeriesPoint> points = new ArrayList<>(rows.size());
      rows.forEach(row -> points.add(new SeriesPoint(
          TileRepository.instant(row.getOffsetDateTime("window_start")),
          row.getDouble("value"),
          Status.fromWire(row.getString("status")))));
      return points;
    });
  }

  /** Deletes every point whose window started before the cutoff; returns how many went. */
  public Uni<Integer> pruneBefore(Instant cutoff) {
    return pool.preparedQuery("delete from cockpit.series_point where window_start < $1")
        .execute(Tuple.of(TileRepository.utc(cutoff))).map(SqlResult::rowCount);
  }
}
