package io.heartbeat.alert.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.episode.AlertEpisode;
import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.model.SeriesKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.episode: alert episodes that fired, open or resolved. */
@ApplicationScoped
public class EpisodeRepository {

  private final Pool pool;

  public EpisodeRepository(Pool pool) {
    this.pool = pool;
  }

  // fired_at and started_at never move once written: a later step of the same episode only updates what changed.
  private static final String UPSERT = """
      insert into alert.episode (dedup_key, metric_id, dimension_kind, dimension_value, state, status, peak_status,
        started_at, fired_at, resolved_at, reason, updated_at)
      select k, m, dk, dv, st, s, p, sa, fa, ra, r, $12
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::text[])
        as t(k, m, dk, dv, st, s, p, sa, fa, ra, r)
      on conflict (dedup_key) do update set state = excluded.state, status = excluded.status,
        peak_status = excluded.peak_status, resolved_at = excluded.resolved_at, reason = excluded.reason,
        updated_at = excluded.updated_at""";

  /** The series of a metric whose episode fired and has not resolved. */
  public Uni<List<SeriesKey>> openSeries(String metricId) {
    return pool.preparedQuery("select dimension_kind, dimension_value from alert.episode"
            + " where metric_id = $1 and state <> 'resolved'")
        .execute(Tuple.of(metricId))
        .map(rows -> {
          List<SeriesKey> keys = new ArrayList<>();
          for (Row row : rows) {
            String kind = row.getString(0);
            keys.add(SeriesKey.of(metricId, kind == null ? null : new Dimension(kind, row.getString(1))));
          }
          return keys;
        });
  }

  /** Writes the latest form of each episode a batch moved (one row per dedup key). */
  public Uni<Void> saveAll(SqlClient client, Collection<AlertEpisode> episodes, Instant updatedAt) {
    if (episodes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = episodes.size();
    String[] keys = new String[n];
    String[] metricIds = new String[n];
    String[] kinds = new String[n];
    String[] values = new String[n];
    String[] states = new String[n];
    String[] statuses = new String[n];
    String[] peaks = new String[n];
    OffsetDateTime[] started = new OffsetDateTime[n];
    OffsetDateTime[] fired = new OffsetDateTime[n];
    OffsetDateTime[] resolved = new OffsetDateTime[n];
    String[] reasons = new String[n];
    int i = 0;
    for (AlertEpisode e : episodes) {
      keys[i] = e.dedupKey();
      metricIds[i] = e.metricId();
      kinds[i] = e.dimensionKind();
      values[i] = e.dimensionValue();
      states[i] = e.resolved() ? "resolved" : "firing";
      statuses[i] = e.status().wire();
      peaks[i] = e.peak().wire();
      started[i] = Times.utc(e.startedAt());
      fired[i] = Times.utc(e.firedAt());
      resolved[i] = Times.utc(e.resolvedAt());
      reasons[i] = e.reason();
      i++;
    }
    return client.preparedQuery(UPSERT)
        .execute(Tuple.from(Arrays.<Object>asList(keys, metricIds, kinds, values, states, statuses, peaks, started,
            fired, resolved, reasons, Times.utc(updatedAt))))
        .replaceWithVoid();
  }
}
