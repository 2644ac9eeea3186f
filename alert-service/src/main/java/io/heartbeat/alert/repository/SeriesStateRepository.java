package io.heartbeat.alert.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.StoredSeries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.series_state: the judgement state of each series (JSON) and its band's learned state (bytes). */
@ApplicationScoped
public class SeriesStateRepository {

  private final Pool pool;

  public SeriesStateRepository(Pool pool) {
    this.pool = pool;
  }

  /** The stored state of each key that has one. */
  public Uni<Map<SeriesKey, StoredSeries>> find(Collection<SeriesKey> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    String[] metricIds = keys.stream().map(SeriesKey::metricId).toArray(String[]::new);
    String[] series = keys.stream().map(SeriesKey::series).toArray(String[]::new);
    return pool.preparedQuery("select s.metric_id, s.series, s.state::text as state, s.band from alert.series_state s"
            + " join unnest($1::text[], $2::text[]) as k(metric_id, series)"
            + " on s.metric_id = k.metric_id and s.series = k.series")
        .execute(Tuple.of(metricIds, series))
        .map(rows -> {
          Map<SeriesKey, StoredSeries> found = new HashMap<>();
          for (Row row : rows) {
            Buffer band = row.getBuffer(3);
            found.put(new SeriesKey(row.getString(0), row.getString(1)),
                new StoredSeries(row.getString(2), band == null ? null : band.getBytes()));
          }
          return found;
        });
  }

  /** Writes states (a checkpoint). Runs on the caller's transaction. */
  /** The dimension series of a metric that a checkpoint holds. */
  public Uni<List<SeriesKey>> dimensionsOf(String metricId) {
    return pool.preparedQuery("select series from alert.series_state where metric_id = $1 and series <> '*'")
        .execute(Tuple.of(metricId))
        .map(rows -> {
          List<SeriesKey> keys = new ArrayList<>();
          rows.forEach(row -> keys.add(new SeriesKey(metricId, row.getString(0))));
          return keys;
        });
  }

  public Uni<Void> saveAll(SqlClient client, Map<SeriesKey, StoredSeries> states, Instant updatedAt) {
    if (states.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = states.size();
    String[] metricIds = new String[n];
    String[] series = new String[n];
    String[] json = new String[n];
    // Arrays travel in the core (not Mutiny) Buffer type.
    io.vertx.core.buffer.Buffer[] bands = new io.vertx.core.buffer.Buffer[n];
    int i = 0;
    for (Map.Entry<SeriesKey, StoredSeries> entry : states.entrySet()) {
      metricIds[i] = entry.getKey().metricId();
      series[i] = entry.getKey().series();
      json[i] = entry.getValue().state();
      byte[] band = entry.getValue().band();
      bands[i] = band == null ? null : io.vertx.core.buffer.Buffer.buffer(band);
      i++;
    }
    return client.preparedQuery("""
            insert into alert.series_state (metric_id, series, state, band, updated_at)
            select metric_id, series, state::jsonb, band, $5
            from unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) as t(metric_id, series, state, band)
            on conflict (metric_id, series) do update set state = excluded.state, band = excluded.band,
              updated_at = excluded.updated_at""")
        .execute(Tuple.of(metricIds, series, json, bands, Times.utc(updatedAt)))
        .replaceWithVoid();
  }
}
