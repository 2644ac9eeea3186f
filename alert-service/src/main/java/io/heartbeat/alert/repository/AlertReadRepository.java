package io.heartbeat.alert.repository;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.Dimension;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads one alert episode for GET /api/alerts/{key}: its row, and its latest step as it was published. */
@ApplicationScoped
public class AlertReadRepository {

  private final Pool pool;
  private final ObjectMapper mapper;

  public AlertReadRepository(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapper = mapper;
  }

  /** alert.episode's row; resolvedAt null while it fires. */
  public record EpisodeRow(String key, String metricId, Dimension dimension, String state, String status,
      String peakStatus, Instant startedAt, Instant firedAt, Instant resolvedAt, String reason) {
  }

  /** The episode and its newest step, or null when the key is unknown. */
  public record Episode(EpisodeRow episode, AlertEvent latest) {
  }

  /** Episodes newest first, of one state (firing, resolved) or both when state is null. */
  public Uni<java.util.List<EpisodeRow>> list(String state, int limit) {
    return pool.preparedQuery("select dedup_key, metric_id, dimension_kind, dimension_value, state, status,"
            + " peak_status, started_at, fired_at, resolved_at, reason from alert.episode"
            + " where ($1::text is null or state = $1) order by started_at desc, dedup_key limit $2")
        .execute(Tuple.of(state, limit))
        .map(rows -> {
          java.util.List<EpisodeRow> episodes = new java.util.ArrayList<>();
          for (Row row : rows) {
            episodes.add(new EpisodeRow(row.getString(0), row.getString(1), row.getString(2) == null ? null
                : new Dimension(row.getString(2), row.getString(3)), row.getString(4), row.getString(5),
                row.getString(6), instant(row, 7), instant(row, 8), instant(row, 9), row.getString(10)));
          }
          return episodes;
        });
  }

  public Uni<Episode> find(String key) {
    return pool.preparedQuery("""
            select e.dedup_key, e.metric_id, e.dimension_kind, e.dimension_value, e.state, e.status, e.peak_status,
              e.started_at, e.fired_at, e.resolved_at, e.reason,
              (select a.payload::text from alert.alert_event a where a.dedup_key = e.dedup_key
               order by a.window_start desc, a.occurred_at desc limit 1)
            from alert.episode e where e.dedup_key = $1""")
        .execute(Tuple.of(key))
        .map(rows -> rows.size() == 0 ? null : toEpisode(rows.iterator().next()));
  }

  private Episode toEpisode(Row row) {
    Dimension dimension = row.getString(2) == null ? null : new Dimension(row.getString(2), row.getString(3));
    EpisodeRow episode = new EpisodeRow(row.getString(0), row.getString(1), dimension, row.getString(4),
        row.getString(5), row.getString(6), instant(row, 7), instant(row, 8), instant(row, 9), row.getString(10));
    String payload = row.getString(11);
    try {
      return new Episode(episode, payload == null ? null : mapper.readValue(payload, AlertEvent.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alert step of " + episode.key() + " is not readable", e);
    }
  }

  private static Instant instant(Row row, int column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
