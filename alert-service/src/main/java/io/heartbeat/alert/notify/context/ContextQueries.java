package io.heartbeat.alert.notify.context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.notify.DimensionDrop;
import io.heartbeat.alert.notify.FailingHeartbeat;
import io.heartbeat.alert.notify.Severity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads what a responder context shows beyond the step: the other heartbeats failing now (metric totals with a
 * firing episode) and every slice of the metric in the step's window against its own expected value. On the
 * caller's client: the page reads them on the transaction that stores the step, so a batch in which several
 * metrics fire together sees all of them.
 */
@ApplicationScoped
public class ContextQueries {

  static final int MAX_OTHERS = 10;

  /** Newest first: the heartbeats that began failing closest to now are the likeliest to share this drop's cause. */
  Uni<List<FailingHeartbeat>> otherFailing(SqlClient client, String metricId, String cockpitBase) {
    return client.preparedQuery("""
            select e.metric_id, e.status, e.started_at, m.definition->>'name', m.definition->>'code'
            from alert.episode e left join alert.metric m on m.metric_id = e.metric_id
            where e.state = 'firing' and e.dimension_kind is null and e.metric_id <> $1
            order by e.started_at desc, e.metric_id limit $2""")
        .execute(Tuple.of(metricId, MAX_OTHERS))
        .map(rows -> {
          List<FailingHeartbeat> others = new ArrayList<>();
          for (Row row : rows) {
            Severity severity = severity(row.getString(1));
            if (severity != null) {
              String id = row.getString(0);
              others.add(new FailingHeartbeat(id, row.getString(3), row.getString(4), severity,
                  row.getOffsetDateTime(2).toInstant(), cockpitBase + "/#" + URLEncoder.encode(id,
                      StandardCharsets.UTF_8)));
            }
          }
          return others;
        });
  }

  /** Whether the metric's total has a firing episode: a slice's episode is then part of a wider drop. */
  Uni<Boolean> totalFiring(SqlClient client, String metricId) {
    return client.preparedQuery("select exists (select 1 from alert.episode where metric_id = $1"
            + " and dimension_kind is null and state = 'firing')")
        .execute(Tuple.of(metricId)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** Every slice judged in the window, with the expected value of its own band (null while it has none). */
  Uni<List<DimensionDrop>> slices(SqlClient client, String metricId, Instant windowStart) {
    if (windowStart == null) {
      return Uni.createFrom().item(List.of());
    }
    return client.preparedQuery("""
            select dimension_kind, dimension_value, value, (payload::jsonb->'band'->>'expected')::float8
            from alert.evaluation
            where metric_id = $1 and window_start = $2 and dimension_kind is not null""")
        .execute(Tuple.of(metricId, windowStart.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          List<DimensionDrop> slices = new ArrayList<>();
          for (Row row : rows) {
            Double value = row.getDouble(2);
            Double expected = row.getDouble(3);
            Double change = value == null || expected == null || expected == 0 ? null
                : (value - expected) / Math.abs(expected) * 100;
            slices.add(new DimensionDrop(new Dimension(row.getString(0), row.getString(1)), value, expected,
                change));
          }
          return slices;
        });
  }

  private static Severity severity(String status) {
    try {
      return Severity.fromWire(status);
    } catch (IllegalArgumentException notBad) {
      return null;
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
