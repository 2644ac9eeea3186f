package io.heartbeat.alert.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.sla.Downtime;
import io.heartbeat.alert.sla.RedInterval;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * alert.downtime: the SLA ledger, intervals of metric totals with the SLAs they count against: down (red or stale)
 * or unmeasured (error).
 */
@ApplicationScoped
public class DowntimeRepository {

  /** An interval to record with the SLAs of its metric at the time. */
  public record Entry(Downtime interval, List<String> slas) {
  }

  private final Pool pool;

  public DowntimeRepository(Pool pool) {
    this.pool = pool;
  }

  /** An interval grows window by window: the row keyed by its start only ever extends. Caller's transaction. */
  public Uni<Void> recordAll(SqlClient client, Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = entries.size();
    String[] metricIds = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    OffsetDateTime[] ends = new OffsetDateTime[n];
    // text[] per row travels as one '{a,b}' literal each: unnest cannot take a ragged 2-D array.
    String[] slas = new String[n];
    String[] kinds = new String[n];
    int i = 0;
    for (Entry e : entries) {
      metricIds[i] = e.interval().metricId();
      starts[i] = Times.utc(e.interval().start());
      ends[i] = Times.utc(e.interval().end());
      slas[i] = literal(e.slas());
      kinds[i] = e.interval().kind().wire();
      i++;
    }
    return client.preparedQuery("""
            insert into alert.downtime as d (metric_id, started_at, ended_at, slas, kind)
            select m, s, e, l::text[], k
              from unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[]) as t(m, s, e, l, k)
            on conflict (metric_id, started_at) do update
              set ended_at = greatest(d.ended_at, excluded.ended_at), slas = excluded.slas""")
        .execute(Tuple.of(metricIds, starts, ends, slas, kinds))
        .replaceWithVoid();
  }

  /** Intervals of the given kind that overlap [from, to) of the metrics that counted against the SLA. */
  public Uni<List<RedInterval>> overlapping(String sla, Instant from, Instant to, Downtime.Kind kind) {
    return pool.preparedQuery("select metric_id, started_at, ended_at from alert.downtime"
            + " where $1 = any(slas) and started_at < $3 and ended_at > $2 and kind = $4 order by started_at")
        .execute(Tuple.of(sla, Times.utc(from), Times.utc(to), kind.wire()))
        .map(rows -> {
          List<RedInterval> intervals = new ArrayList<>();
          for (Row row : rows) {
            intervals.add(new RedInterval(row.getString(0), Times.instant(row.getOffsetDateTime(1)),
                Times.instant(row.getOffsetDateTime(2))));
          }
          return intervals;
        });
  }

  public Uni<Boolean> known(String sla) {
    return pool.preparedQuery("select 1 from alert.downtime where $1 = any(slas) limit 1")
        .execute(Tuple.of(sla)).map(rows -> rows.size() > 0);
  }

  private static String literal(List<String> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return out.append('}').toString();
  }
}
