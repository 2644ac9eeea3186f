package io.heartbeat.alert.repository;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.Written;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.alert_event: every alert step published, with the event as published (payload). */
@ApplicationScoped
public class AlertEventRepository {

  private static final String INSERT = """
      insert into alert.alert_event (id, dedup_key, type, metric_id, window_start, occurred_at, payload)
      select id, k, type, m, w, o, p::jsonb
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[])
        as t(id, k, type, m, w, o, p)
      on conflict (id) do nothing
      returning id""";

  /** Inserts the steps whose id is new and returns those ids. Runs on the caller's transaction. */
  public Uni<Set<String>> insertAll(SqlClient client, List<Written<AlertEvent>> alerts) {
    if (alerts.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    int n = alerts.size();
    String[] ids = new String[n];
    String[] keys = new String[n];
    String[] types = new String[n];
    String[] metricIds = new String[n];
    OffsetDateTime[] windows = new OffsetDateTime[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      AlertEvent a = alerts.get(i).event();
      ids[i] = a.id();
      keys[i] = a.dedupKey();
      types[i] = a.type();
      metricIds[i] = a.metricId();
      windows[i] = Times.utc(a.evidence().windowStart());
      occurred[i] = Times.utc(a.occurredAt());
      payloads[i] = alerts.get(i).json();
    }
    return client.preparedQuery(INSERT)
        .execute(Tuple.tuple().addValue(ids).addValue(keys).addValue(types).addValue(metricIds).addValue(windows)
            .addValue(occurred).addValue(payloads))
        .map(rows -> {
          Set<String> inserted = new HashSet<>();
          for (Row row : rows) {
            inserted.add(row.getString(0));
          }
          return inserted;
        });
  }
}
