package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.dimension_seen: the dimension values each metric returned recently, what zero fill remembers. */
@ApplicationScoped
public class DimensionRepository {

  private final Pool pool;

  public DimensionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Values of {@code kind} last seen at or after {@code since}: value -> start of that window. */
  public Uni<Map<String, Instant>> seen(String metricId, String kind, Instant since) {
    return pool.preparedQuery("select value, last_seen_window from compute.dimension_seen "
            + "where metric_id = $1 and kind = $2 and last_seen_window >= $3")
        .execute(Tuple.of(metricId, kind, utc(since)))
        .map(rows -> {
          Map<String, Instant> seen = new HashMap<>();
          rows.forEach(row -> seen.put(row.getString("value"), row.getOffsetDateTime("last_seen_window").toInstant()));
          return seen;
        });
  }

  /**
   * Records the values (value -> window start) and forgets the metric's values older than {@code forgetBefore}. Never
   * moves a value back in time: the history of a new version may run while the old one's live windows go on.
   */
  public Uni<Void> remember(SqlClient client, String metricId, String kind, Map<String, Instant> values,
      Instant forgetBefore) {
    String[] names = values.keySet().toArray(String[]::new);
    OffsetDateTime[] windows = new OffsetDateTime[names.length];
    for (int i = 0; i < names.length; i++) {
      windows[i] = utc(values.get(names[i]));
    }
    return client.preparedQuery("with forgotten as (delete from compute.dimension_seen where metric_id = $1 "
            + "and last_seen_window < $5) "
            + "insert into compute.dimension_seen (metric_id, kind, value, last_seen_window) "
            + "select $1, $2, v, w from unnest($3::text[], $4::timestamptz[]) as x(v, w) where w >= $5 "
            + "on conflict (metric_id, kind, value) do update set last_seen_window = "
            + "greatest(compute.dimension_seen.last_seen_window, excluded.last_seen_window)")
        .execute(Tuple.of(metricId, kind, names, windows, utc(forgetBefore)))
        .replaceWithVoid();
  }

  public Uni<Void> remember(String metricId, String kind, Map<String, Instant> values, Instant forgetBefore) {
    return remember(pool, metricId, kind, values, forgetBefore);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
