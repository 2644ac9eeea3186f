package io.heartbeat.alert.notify.outage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.notify_outage, always on the caller's transaction: count a failure into the open outage, close it. */
@ApplicationScoped
public class OutageRepository {

  private static final String RETURNING = " returning episode_key, receiver, failed_episode, failed_pages,"
      + " last_error, notified, opened_at";

  /**
   * Opens the receiver's outage as candidate, or counts the failure into the one already open. The partial unique
   * index makes this one atomic step: two instances giving up pages to one receiver at once open one outage.
   */
  private static final String COUNT = """
      insert into alert.notify_outage as o (episode_key, receiver, first_failed_id, failed_episode, failed_pages,
        last_error, notified, opened_at, updated_at)
      values ($1, $2, $3, $4, 1, $5, $6::text[], $7, $7)
      on conflict (receiver) where resolved_at is null
      do update set failed_pages = o.failed_pages + 1, last_error = excluded.last_error,
        updated_at = excluded.updated_at""" + RETURNING;

  private static final String CLOSE = "update alert.notify_outage set resolved_at = $2, updated_at = $2"
      + " where receiver = $1 and resolved_at is null" + RETURNING;

  /** The open outage after counting this failure; candidate is what it is if this failure opens it. */
  Uni<Outage> count(SqlClient tx, Outage candidate, String failedRowId) {
    return tx.preparedQuery(COUNT).execute(Tuple.tuple().addValue(candidate.episodeKey())
            .addValue(candidate.receiver()).addValue(failedRowId).addValue(candidate.failedEpisode())
            .addValue(candidate.lastError()).addValue(candidate.notified().toArray(String[]::new))
            .addValue(candidate.openedAt().atOffset(ZoneOffset.UTC)))
        .map(OutageRepository::outage);
  }

  /** Closes the receiver's open outage; null when none was open (the usual case). */
  Uni<Outage> close(SqlClient tx, String receiver, Instant at) {
    return tx.preparedQuery(CLOSE).execute(Tuple.of(receiver, at.atOffset(ZoneOffset.UTC)))
        .map(OutageRepository::outage);
  }

  /** Pages to the receiver still waiting: how much paging the outage holds up right now. */
  Uni<Long> pending(SqlClient tx, String receiver) {
    return tx.preparedQuery("select count(*) from alert.outbox where receiver = $1 and state = 'pending'")
        .execute(Tuple.of(receiver)).map(rows -> rows.iterator().next().getLong(0));
  }

  private static Outage outage(RowSet<Row> rows) {
    if (!rows.iterator().hasNext()) {
      return null;
    }
    Row row = rows.iterator().next();
    return new Outage(row.getString(0), row.getString(1), row.getString(2), row.getInteger(3), row.getString(4),
        List.of(row.getArrayOfStrings(5)), row.getOffsetDateTime(6).toInstant());
  }
}
