package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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

/** cockpit.slice_point: recent points of every dimension slice ("customer=acme"), for drill-down and top movers. */
@ApplicationScoped
public class SliceRepository {

  // As series_point: a window judged again later replaces its point, a late older judgement does not.
  private static final String UPSERT = """
      insert into cockpit.slice_point (metric_id, series, window_start, value, status, evaluated_at,
        band_expected, band_lower, band_upper)
      select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::text[], $6::timestamptz[],
        $7::float8[], $8::float8[], $9::float8[])
      on conflict (metric_id, series, window_start) do update set
        value = excluded.value, status = excluded.status, evaluated_at = excluded.evaluated_at,
        band_expected = excluded.band_expected, band_lower = excluded.band_lower, band_upper = excluded.band_upper
      where cockpit.slice_point.evaluated_at < excluded.evaluated_at
      """;

  private final Pool pool;

  public SliceRepository(Pool pool) {
    this.pool = pool;
  }

  /** The series name of a slice, as alert-service words it in dedup keys: kind=value. */
  public static String series(EvaluationEvent.Dimension dimension) {
    return dimension.kind() + "=" + dimension.value();
  }

  /** Records each slice evaluation's window as a point; at most one evaluation per (metric, series, window). */
  public Uni<Void> upsert(SqlClient client, Collection<EvaluationEvent> points) {
    if (points.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = points.size();
    String[] metricIds = new String[n];
    String[] series = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    Double[] values = new Double[n];
    String[] statuses = new String[n];
    OffsetDateTime[] evaluated = new OffsetDateTime[n];
    Bands bands = new Bands(n);
    int i = 0;
    for (EvaluationEvent e : points) {
      metricIds[i] = e.metricId();
      series[i] = series(e.dimension());
      starts[i] = TileRepository.utc(e.windowStart());
      values[i] = e.value();
      statuses[i] = e.status().wire();
      evaluated[i] = TileRepository.utc(e.evaluatedAt());
      bands.set(i++, e.band());
    }
    Tuple params = Tuple.tuple().addArrayOfString(metricIds).addArrayOfString(series).addArrayOfOffsetDateTime(starts)
        .addArrayOfDouble(values).addArrayOfString(statuses).addArrayOfOffsetDateTime(evaluated);
    bands.addTo(params);
    return client.preparedQuery(UPSERT).execute(params).replaceWithVoid();
  }

  /** One slice's points with windows in [from, to), oldest first. */
  public Uni<List<SeriesPoint>> between(String metricId, String series, Instant from, Instant to) {
    return pool.preparedQuery("""
        select window_start, value, status, band_expected, band_lower, band_upper from cockpit.slice_point
        where metric_id = $1 and series = $2 and window_start >= $3 and window_start < $4 order by window_start
        """).execute(Tuple.of(metricId, series, TileRepository.utc(from), TileRepository.utc(to)))
        .map(SeriesRepository::points);
  }

  /** The newest window any slice of the metric was judged for, or null. */
  public Uni<Instant> latestWindow(String metricId) {
    return pool.preparedQuery("select max(window_start) as w from cockpit.slice_point where metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> TileRepository.instant(rows.iterator().next().getOffsetDateTime("w")));
  }

  /** Every slice's point of one window. */
  public Uni<List<SlicePoint>> at(String metricId, Instant windowStart) {
    return pool.preparedQuery("""
        select series, value, status, band_expected from cockpit.slice_point
        where metric_id = $1 and window_start = $2
        """).execute(Tuple.of(metricId, TileRepository.utc(windowStart))).map(rows -> {
          List<SlicePoint> points = new ArrayList<>(rows.size());
          rows.forEach(row -> points.add(new SlicePoint(row.getString("series"), row.getDouble("value"),
              Status.fromWire(row.getString("status")), row.getDouble("band_expected"))));
          return points;
        });
  }

  /** A slice's value at one window with what its band expected. */
  public record SlicePoint(String series, Double value, Status status, Double expected) {
  }

  /** Deletes every slice point whose window started before the cutoff; returns how many went. */
  public Uni<Integer> pruneBefore(Instant cutoff) {
    return pool.preparedQuery("delete from cockpit.slice_point where window_start < $1")
        .execute(Tuple.of(TileRepository.utc(cutoff))).map(SqlResult::rowCount);
  }
}
