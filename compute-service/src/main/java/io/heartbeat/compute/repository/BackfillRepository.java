package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.model.BackfillJob;
import io.heartbeat.compute.model.BackfillState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.backfill: backfill jobs and their progress, the state a restart resumes from. */
@ApplicationScoped
public class BackfillRepository {

  private static final String COLUMNS = "id, metric_id, requested_from, requested_to, range_start, range_end, "
      + "period_seconds, next_start, total, done, computed, state, requested_by, created_at, updated_at, "
      + "resumed_at, done_at_resume, finished_at, error";

  private final Pool pool;

  public BackfillRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Void> insert(BackfillJob job) {
    return pool.preparedQuery("insert into compute.backfill (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, "
            + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
        .execute(Tuple.from(new Object[] {job.id(), job.metricId(), utc(job.requestedFrom()), utc(job.requestedTo()),
            utc(job.rangeStart()), utc(job.rangeEnd()), job.periodSeconds(), utc(job.nextStart()), job.total(),
            job.done(), job.computed(), job.state().wire(), job.requestedBy(), utc(job.createdAt()),
            utc(job.updatedAt()), utc(job.resumedAt()), job.doneAtResume(), utc(job.finishedAt()), job.error()}))
        .replaceWithVoid();
  }

  public Uni<Optional<BackfillJob>> find(UUID id) {
    return pool.preparedQuery("select " + COLUMNS + " from compute.backfill where id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJob(rows.iterator().next())));
  }

  /**
   * The oldest running job no other instance holds, locked until {@code client}'s transaction ends (a crash ends
   * it too, so a dead runner never keeps a job).
   */
  public Uni<Optional<BackfillJob>> lockNextRunning(SqlClient client) {
    return client.query("select " + COLUMNS + " from compute.backfill where state = 'running' "
            + "order by created_at limit 1 for update skip locked").execute()
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJob(rows.iterator().next())));
  }

  /** This process starts (or resumes) the job: the rate for its ETA is measured from here. */
  public Uni<Void> markResumed(SqlClient client, UUID id) {
    return client.preparedQuery("update compute.backfill set resumed_at = now(), done_at_resume = done "
            + "where id = $1").execute(Tuple.of(id)).replaceWithVoid();
  }

  /** Records {@code handled} more windows, {@code computed} of them computed here; finishes the job at its end. */
  public Uni<Void> advance(SqlClient client, BackfillJob job, Instant nextStart, int handled, int computed) {
    boolean finished = !nextStart.isBefore(job.rangeEnd());
    return client.preparedQuery("update compute.backfill set next_start = $2, done = done + $3, "
            + "computed = computed + $4, updated_at = now(), state = $5, "
            + "finished_at = case when $5 = 'done' then now() end where id = $1")
        .execute(Tuple.of(job.id(), utc(nextStart), handled, computed,
            (finished ? BackfillState.DONE : BackfillState.RUNNING).wire()))
        .replaceWithVoid();
  }

  public Uni<Void> fail(SqlClient client, UUID id, String error) {
    return client.preparedQuery("update compute.backfill set state = 'failed', error = $2, updated_at = now(), "
            + "finished_at = now() where id = $1").execute(Tuple.of(id, error)).replaceWithVoid();
  }

  private static BackfillJob toJob(Row row) {
    return new BackfillJob(row.getUUID("id"), row.getString("metric_id"), instant(row, "requested_from"),
        instant(row, "requested_to"), instant(row, "range_start"), instant(row, "range_end"),
        row.getInteger("period_seconds"), instant(row, "next_start"), row.getInteger("total"),
        row.getInteger("done"), row.getInteger("computed"), BackfillState.of(row.getString("state")),
        row.getString("requested_by"), instant(row, "created_at"), instant(row, "updated_at"),
        instant(row, "resumed_at"), row.getInteger("done_at_resume"), instant(row, "finished_at"),
        row.getString("error"));
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
