package io.heartbeat.alert.notify.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.NotificationJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * alert.notification_event: events recorded on the caller's transaction, read back in order by the relay and marked
 * published. Times are the service clock, as everywhere in the acting half.
 */
@ApplicationScoped
public class NotificationEventRepository {

  private static final String INSERT = """
      insert into alert.notification_event (id, metric_id, kind, payload, created_at)
      select id, m, k, p, $5::timestamptz
      from unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality as t(id, m, k, p, n)
      order by n
      on conflict (id) do nothing""";

  private final Clock clock;

  public NotificationEventRepository(Clock clock) {
    this.clock = clock;
  }

  /** An event ready to send: its id, key and JSON as stored. */
  record Stored(String id, String metricId, String json) {
  }

  /** Records the events in the given order on the caller's transaction; ones already recorded are left alone. */
  public Uni<Void> record(SqlClient transaction, List<? extends NotificationEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = events.size();
    String[] ids = new String[n];
    String[] metricIds = new String[n];
    String[] kinds = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      NotificationEvent event = events.get(i);
      ids[i] = event.id();
      metricIds[i] = event.metricId();
      kinds[i] = event.kind();
      // The notifications' own JSON form: the context reads exactly as in a page and in GET /api/alerts/{key}.
      payloads[i] = new String(NotificationJson.bytes(event), StandardCharsets.UTF_8);
    }
    return transaction.preparedQuery(INSERT)
        .execute(Tuple.tuple().addValue(ids).addValue(metricIds).addValue(kinds).addValue(payloads)
            .addValue(utc(clock.instant())))
        .replaceWithVoid();
  }

  public Uni<Void> record(SqlClient transaction, NotificationEvent event) {
    return record(transaction, List.of(event));
  }

  /** The oldest unpublished events, in the order they were recorded. */
  Uni<List<Stored>> unpublished(SqlClient client, int limit) {
    return client.preparedQuery("select id, metric_id, payload from alert.notification_event"
            + " where published_at is null order by seq limit $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<Stored> stored = new ArrayList<>();
          for (Row row : rows) {
            stored.add(new Stored(row.getString(0), row.getString(1), row.getString(2)));
          }
          return stored;
        });
  }

  Uni<Void> published(SqlClient client, List<Stored> events, Instant at) {
    return client.preparedQuery("update alert.notification_event set published_at = $2 where id = any($1)")
        .execute(Tuple.of(events.stream().map(Stored::id).toArray(String[]::new), utc(at)))
        .replaceWithVoid();
  }

  /** Deletes the events published before the given time. */
  Uni<Void> forget(SqlClient client, Instant publishedBefore) {
    return client.preparedQuery("delete from alert.notification_event where published_at < $1")
        .execute(Tuple.of(utc(publishedBefore)))
        .replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
