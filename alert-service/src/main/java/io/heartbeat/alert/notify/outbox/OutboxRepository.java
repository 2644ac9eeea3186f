package io.heartbeat.alert.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The writing side of alert.outbox, on the episode step's own transaction: what the step's page needs to know (the
 * metric's definition, who got this episode's trigger, its SLA minutes) and the insert. All outbox times are the
 * service's clock, as in notify.delivery.DeliveryLog: instances share time through NTP, and a scaled clock ages
 * pages as it ages everything else, so tests of long outages can run in seconds.
 */
@ApplicationScoped
public class OutboxRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String INSERT = """
      insert into alert.outbox (id, episode_key, receiver, step, status, notification, next_attempt_at, created_at,
        updated_at)
      select id, k, r, s, st, n, $7::timestamptz, $7, $7
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(id, k, r, s, st, n)
      on conflict (id) do nothing""";

  private final Clock clock;

  public OutboxRepository(Clock clock) {
    this.clock = clock;
  }

  /** The definitions of these metrics, as alert.metric holds them. */
  Uni<Map<String, MetricFacts>> facts(SqlClient client, Set<String> metricIds) {
    return client.preparedQuery("select metric_id, definition::text from alert.metric where metric_id = any($1)")
        .execute(Tuple.of(metricIds.toArray(String[]::new)))
        .map(rows -> {
          Map<String, MetricFacts> facts = new HashMap<>();
          for (Row row : rows) {
            try {
              facts.put(row.getString(0), MetricFacts.of(row.getString(0), JSON.readTree(row.getString(1))));
            } catch (JsonProcessingException e) {
              facts.put(row.getString(0), MetricFacts.unknown(row.getString(0)));
            }
          }
          return facts;
        });
  }

  /** Per episode, the receivers that have a trigger or update row: those its resolve goes to. */
  Uni<Map<String, Set<String>>> triggered(SqlClient client, Set<String> episodeKeys) {
    return client.preparedQuery("select episode_key, receiver from alert.outbox where episode_key = any($1)"
            + " and status <> 'resolved' order by created_at, receiver")
        .execute(Tuple.of(episodeKeys.toArray(String[]::new)))
        .map(rows -> {
          Map<String, Set<String>> triggered = new HashMap<>();
          for (Row row : rows) {
            triggered.computeIfAbsent(row.getString(0), k -> new LinkedHashSet<>()).add(row.getString(1));
          }
          return triggered;
        });
  }

  /**
   * The episode's trigger as each receiver got it (its stored notification), by receiver; none once the episode
   * has a resolve enqueued, since an update after it would reopen the incident.
   */
  Uni<Map<String, String>> firingPages(SqlClient client, String episodeKey) {
    return client.preparedQuery("select receiver, notification from alert.outbox o where episode_key = $1"
            + " and step = 'firing' and not exists (select 1 from alert.outbox r where r.episode_key = o.episode_key"
            + " and r.status = 'resolved') order by seq")
        .execute(Tuple.of(episodeKey))
        .map(rows -> {
          Map<String, String> pages = new java.util.LinkedHashMap<>();
          for (Row row : rows) {
            pages.put(row.getString(0), row.getString(1));
          }
          return pages;
        });
  }

  /** Minutes of the metric's SLA downtime (red and stale) between start and end: the episode's cost to its SLAs. */
  Uni<Double> slaMinutes(SqlClient client, String metricId, Instant start, Instant end) {
    return client.preparedQuery("""
            select coalesce(sum(extract(epoch from least(ended_at, $3) - greatest(started_at, $2))), 0) / 60
            from alert.downtime where metric_id = $1 and kind = 'down' and started_at < $3 and ended_at > $2""")
        .execute(Tuple.of(metricId, utc(start), utc(end)))
        .map(rows -> rows.iterator().next().getDouble(0));
  }

  /**
   * Inserts the rows whose key is new, due now; a replayed step's rows already exist and nothing changes. Public for
   * notify.outage, whose own alerts are pages like any other, written on the transaction that gave a page up.
   */
  public Uni<Void> insertAll(SqlClient client, List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> receivers = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<String> notifications = new ArrayList<>();
    for (OutboxRow row : rows) {
      ids.add(row.id());
      keys.add(row.episodeKey());
      receivers.add(row.receiver());
      steps.add(row.step());
      statuses.add(row.status());
      notifications.add(row.notification());
    }
    return client.preparedQuery(INSERT)
        .execute(Tuple.tuple().addValue(ids.toArray(String[]::new)).addValue(keys.toArray(String[]::new))
            .addValue(receivers.toArray(String[]::new)).addValue(steps.toArray(String[]::new))
            .addValue(statuses.toArray(String[]::new)).addValue(notifications.toArray(String[]::new))
            .addValue(utc(clock.instant())))
        .replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
