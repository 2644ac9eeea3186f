package io.heartbeat.alert.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.deployment: every deployment recorded, one immutable row per deterministic id. */
@ApplicationScoped
public class DeploymentRepository {

  private static final String COLUMNS = "id, service, version, environment, started_at, finished_at, commit_sha,"
      + " author, rollback_url";

  private final Pool pool;

  public DeploymentRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Writes the deployment unless its id is known. A known id is compared field by field with what is stored: rows
   * never change, so reading after the refused insert cannot race with another writer of the same id.
   */
  public Uni<Recording> record(Deployment deployment, Instant recordedAt) {
    String sql = "insert into alert.deployment (" + COLUMNS + ", recorded_at)"
        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning id";
    Tuple params = Tuple.from(Arrays.asList(deployment.id(), deployment.service(), deployment.version(),
        deployment.environment(), utc(deployment.startedAt()), utc(deployment.finishedAt()), deployment.commit(),
        deployment.author(), deployment.rollbackUrl() == null ? null : deployment.rollbackUrl().reveal(),
        utc(recordedAt)));
    return pool.preparedQuery(sql).execute(params).chain(inserted -> inserted.size() > 0
        ? Uni.createFrom().item(Recording.CREATED)
        : find(deployment.id()).map(stored -> deployment.equals(stored) ? Recording.UNCHANGED
            : Recording.CONFLICTING));
  }

  /** The deployment, or null when the id is unknown. */
  public Uni<Deployment> find(String id) {
    return pool.preparedQuery("select " + COLUMNS + " from alert.deployment where id = $1")
        .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : toDeployment(rows.iterator().next()));
  }

  /**
   * Deployments newest first (finished_at desc, id desc), of one service or all when service is null, of one
   * environment or all, starting after the cursor when there is one.
   */
  public Uni<List<Deployment>> list(String service, String environment, Cursor after, int limit) {
    String sql = "select " + COLUMNS + " from alert.deployment"
        + " where ($1::text is null or service = $1) and ($2::text is null or environment = $2)"
        + " and ($3::timestamptz is null or (finished_at, id) < ($3, $4))"
        + " order by finished_at desc, id desc limit $5";
    Tuple params = Tuple.from(Arrays.asList(service, environment, after == null ? null : utc(after.finishedAt()),
        after == null ? null : after.id(), limit));
    return pool.preparedQuery(sql).execute(params).map(DeploymentRepository::toList);
  }

  /**
   * Deployments of any of the services that finished within lookback before dropStart (lookback &lt; finished_at
   * &le; dropStart), newest first: the deploys a drop starting then may be blamed on, in every environment.
   */
  public Uni<List<Deployment>> finishedWithin(Set<String> services, Instant dropStart, Duration lookback) {
    return finishedWithin(pool, services, dropStart, lookback);
  }

  /** The same on the caller's transaction: the rollback decision reads it where it stores the episode's step. */
  public Uni<List<Deployment>> finishedWithin(SqlClient client, Set<String> services, Instant dropStart,
      Duration lookback) {
    if (services.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    String sql = "select " + COLUMNS + " from alert.deployment"
        + " where service = any($1) and finished_at > $2 and finished_at <= $3 order by finished_at desc, id desc";
    return client.preparedQuery(sql).execute(Tuple.of(services.toArray(String[]::new),
        utc(dropStart.minus(lookback)), utc(dropStart))).map(DeploymentRepository::toList);
  }

  private static List<Deployment> toList(RowSet<Row> rows) {
    List<Deployment> found = new ArrayList<>(rows.size());
    for (Row row : rows) {
      found.add(toDeployment(row));
    }
    return found;
  }

  private static Deployment toDeployment(Row row) {
    String rollback = row.getString("rollback_url");
    return new Deployment(row.getString("id"), row.getString("service"), row.getString("version"),
        row.getString("environment"), row.getOffsetDateTime("started_at").toInstant(),
        row.getOffsetDateTime("finished_at").toInstant(), row.getString("commit_sha"), row.getString("author"),
        rollback == null ? null : RollbackUrl.stored(rollback));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
