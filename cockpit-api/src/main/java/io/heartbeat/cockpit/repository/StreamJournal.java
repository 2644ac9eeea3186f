package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * cockpit.stream_event: what the live stream pushes, in commit order of its source changes. The table, not memory,
 * is what a reconnecting client resumes from, and what every cockpit instance pushes to its own subscribers.
 */
@ApplicationScoped
public class StreamJournal {

  private final Pool pool;

  public StreamJournal(Pool pool) {
    this.pool = pool;
  }

  /** Journals one change in the caller's transaction; the same key twice (a replayed event) is journaled once. */
  public Uni<Void> append(SqlClient client, String kind, String key, String metricId, String payloadJson) {
    return client.preparedQuery("""
        insert into cockpit.stream_event (kind, event_key, metric_id, payload) values ($1, $2, $3, $4)
        on conflict (event_key) do nothing
        """).execute(Tuple.of(kind, key, metricId, new JsonObject(payloadJson))).replaceWithVoid();
  }

  /**
   * The events after id, oldest first, at most limit. Ids come from a sequence, so a transaction that took a lower id
   * may commit after a higher one: only events older than a short settle (lag) are handed out past a gap, and the
   * reader never skips a row that commits late within it.
   */
  public Uni<List<StreamEvent>> after(long id, int limit) {
    return pool.preparedQuery("""
        select id, kind, metric_id, payload::text as payload, created_at from cockpit.stream_event
        where id > $1 order by id limit $2
        """).execute(Tuple.of(id, limit)).map(rows -> {
          List<StreamEvent> events = new ArrayList<>(rows.size());
          rows.forEach(row -> events.add(new StreamEvent(row.getLong("id"), row.getString("kind"),
              row.getString("metric_id"), row.getString("payload"),
              row.getOffsetDateTime("created_at").toInstant())));
          return events;
        });
  }

  /** The newest journaled id, 0 when the journal is empty. */
  public Uni<Long> lastId() {
    return pool.query("select coalesce(max(id), 0) as id from cockpit.stream_event").execute()
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Deletes journaled events older than the cutoff; returns how many went. */
  public Uni<Integer> pruneBefore(Instant cutoff) {
    return pool.preparedQuery("delete from cockpit.stream_event where created_at < $1")
        .execute(Tuple.of(TileRepository.utc(cutoff))).map(SqlResult::rowCount);
  }

  /** One journaled event: its id is the SSE id. */
  public record StreamEvent(long id, String kind, String metricId, String payloadJson, Instant createdAt) {
  }
}
