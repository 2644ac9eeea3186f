package io.heartbeat.alert.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.model.LastObservation;
import io.heartbeat.alert.model.Metric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.last_observation: when each metric last beat, for the stale check. */
@ApplicationScoped
public class LastObservationRepository {

  /** A metric with its last observation, candidate for the stale check. */
  public record Watched(Metric metric, LastObservation last) {
  }

  private static final String[] JUDGED = Stage.judgedWires().toArray(String[]::new);

  private final Pool pool;

  public LastObservationRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records the newest window of each metric that arrived in a batch (by this service's clock); an older window
   * arriving later never moves window_end back. Runs on the caller's transaction.
   */
  public Uni<Void> recordAll(SqlClient client, Map<String, LastObservation> byMetric) {
    if (byMetric.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String sql = """
        insert into alert.last_observation as l (metric_id, observation_id, window_end, observed_at)
        select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[])
        on conflict (metric_id) do update set observed_at = greatest(l.observed_at, excluded.observed_at),
          observation_id = case when excluded.window_end >= l.window_end
            then excluded.observation_id else l.observation_id end,
          window_end = greatest(l.window_end, excluded.window_end)""";
    int n = byMetric.size();
    String[] metricIds = new String[n];
    String[] observationIds = new String[n];
    OffsetDateTime[] windowEnds = new OffsetDateTime[n];
    OffsetDateTime[] observedAt = new OffsetDateTime[n];
    int i = 0;
    for (Map.Entry<String, LastObservation> entry : byMetric.entrySet()) {
      metricIds[i] = entry.getKey();
      observationIds[i] = entry.getValue().observationId();
      windowEnds[i] = Times.utc(entry.getValue().windowEnd());
      observedAt[i] = Times.utc(entry.getValue().observedAt());
      i++;
    }
    return client.preparedQuery(sql)
        .execute(Tuple.from(Arrays.<Object>asList(metricIds, observationIds, windowEnds, observedAt)))
        .replaceWithVoid();
  }

  /** Every defined metric whose stage is judged (not discovery, not retired) that has beaten at least once. */
  public Uni<List<Watched>> watched() {
    String sql = "select " + MetricRepository.COLUMNS + ", l.observation_id, l.window_end, l.observed_at"
        + " from alert.metric m join alert.last_observation l on l.metric_id = m.metric_id"
        + " where m.stage = any($1::text[])";
    return pool.preparedQuery(sql).execute(Tuple.of(JUDGED)).map(rows -> {
      List<Watched> watched = new ArrayList<>();
      for (Row row : rows) {
        watched.add(new Watched(MetricRepository.toMetric(row), new LastObservation(row.getString("observation_id"),
            Times.instant(row.getOffsetDateTime("window_end")), Times.instant(row.getOffsetDateTime("observed_at")))));
      }
      return watched;
    });
  }
}
