package io.heartbeat.alert.notify.rollback;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.RollbackState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * alert.rollback: one row per episode that fired, the decision and, for a started rollback, its retry state. Times
 * come from the service clock as parameters, so a scaled clock in a test ages rollbacks like production time.
 */
@ApplicationScoped
public class RollbackRepository {

  private static final String COLUMNS = "episode_key, state, detail, service, version, attempts, last_status,"
      + " created_at, updated_at, finished_at";

  private final Pool pool;

  public RollbackRepository(Pool pool) {
    this.pool = pool;
  }

  /** The episode's rollback as a page tells it, or null when none was decided (a slice's episode, an old one). */
  public Uni<Rollback> find(SqlClient client, String episodeKey) {
    return client.preparedQuery("select " + COLUMNS + " from alert.rollback where episode_key = $1")
        .execute(Tuple.of(episodeKey))
        .map(rows -> rows.size() == 0 ? null : toRollback(rows.iterator().next()));
  }

  public Uni<Rollback> find(String episodeKey) {
    return find(pool, episodeKey);
  }

  /** The episode whose rollback of this deploy is under way or done, or null: a deploy is rolled back once. */
  Uni<String> rolledBackBy(SqlClient client, String deploymentId) {
    return client.preparedQuery("select episode_key from alert.rollback where deployment_id = $1"
            + " and state in ('pending', 'succeeded')")
        .execute(Tuple.of(deploymentId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  Uni<Void> insertSkipped(SqlClient client, String episodeKey, String metricId, String reason, Instant now) {
    return client.preparedQuery("insert into alert.rollback (episode_key, metric_id, state, detail, created_at,"
            + " updated_at, finished_at) values ($1, $2, 'skipped', $3, $4, $4, $4) on conflict do nothing")
        .execute(Tuple.of(episodeKey, metricId, reason, utc(now))).replaceWithVoid();
  }

  /** False when another episode's rollback of the same deploy got in first (the partial unique index). */
  Uni<Boolean> insertPending(SqlClient client, String episodeKey, String metricId, String detail, String deploymentId,
      String service, String version, String request, Instant now) {
    return client.preparedQuery("insert into alert.rollback (episode_key, metric_id, state, detail, deployment_id,"
            + " service, version, request, next_attempt_at, created_at, updated_at)"
            + " values ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $8, $8) on conflict do nothing returning 1")
        .execute(Tuple.from(Arrays.asList(episodeKey, metricId, detail, deploymentId, service, version, request,
            utc(now))))
        .map(rows -> rows.size() > 0);
  }

  /** A pending rollback claimed for one call; the lease keeps other instances off it while the call runs. */
  record Claim(String episodeKey, String deploymentId, String request, int attempts, Instant createdAt,
      String service, String version, String metricId) {
  }

  Uni<List<Claim>> claim(int limit, Instant now, Duration lease) {
    return pool.preparedQuery("""
            update alert.rollback r set attempts = r.attempts + 1,
              next_attempt_at = $1 + $3 * interval '1 millisecond', updated_at = $1
            where r.episode_key in (select episode_key from alert.rollback where state = 'pending'
              and next_attempt_at <= $1 order by next_attempt_at limit $2 for update skip locked)
            returning r.episode_key, r.deployment_id, r.request, r.attempts, r.created_at, r.service, r.version,
              r.metric_id""")
        .execute(Tuple.of(utc(now), limit, lease.toMillis()))
        .map(rows -> {
          List<Claim> claims = new ArrayList<>();
          for (Row row : rows) {
            claims.add(new Claim(row.getString(0), row.getString(1), row.getString(2), row.getInteger(3),
                row.getOffsetDateTime(4).toInstant(), row.getString(5), row.getString(6), row.getString(7)));
          }
          return claims;
        });
  }

  /** Records the outcome; false when the row was no longer pending (another instance recorded it first). */
  Uni<Boolean> finish(SqlClient client, String episodeKey, RollbackState state, String detail, Integer status,
      Instant now) {
    return client.preparedQuery("update alert.rollback set state = $2, detail = $3, last_status = $4,"
            + " next_attempt_at = null, finished_at = $5, updated_at = $5 where episode_key = $1 and state = 'pending'"
            + " returning 1")
        .execute(Tuple.from(Arrays.asList(episodeKey, state == RollbackState.SUCCEEDED ? "succeeded" : "failed",
            detail, status, utc(now))))
        .map(rows -> rows.size() > 0);
  }

  Uni<Void> retry(String episodeKey, String detail, Integer status, Instant next, Instant now) {
    return pool.preparedQuery("update alert.rollback set detail = $2, last_status = $3, next_attempt_at = $4,"
            + " updated_at = $5 where episode_key = $1 and state = 'pending'")
        .execute(Tuple.from(Arrays.asList(episodeKey, detail, status, utc(next), utc(now)))).replaceWithVoid();
  }

  private static Rollback toRollback(Row row) {
    RollbackState state = switch (row.getString("state")) {
      case "pending" -> RollbackState.STARTED;
      case "succeeded" -> RollbackState.SUCCEEDED;
      case "failed" -> RollbackState.FAILED;
      default -> RollbackState.SKIPPED;
    };
    return new Rollback(state, row.getString("detail"), row.getString("service"), row.getString("version"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
