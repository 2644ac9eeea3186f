package io.heartbeat.registry.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.Stage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * heartbeat.metric_registry through the reactive client. Every write declares its context (path sync or operator,
 * actor, reason) in transaction-local settings: the guard trigger (db/roles/database.sql) refuses a write without
 * it and writes the audit rows itself, from the change, with that actor and reason.
 */
@ApplicationScoped
public class MetricRegistryRepository {

  private static final String COLUMNS = "metric_id, file, content_hash, file_version, version, state, definition::text, "
      + "problems::text, published_version, norm_value, alert_value, target_value, target_due_date, benchmark_mean, "
      + "benchmark_stddev, verification_state, owner, stage, row_version";
  private final Pool pool;

  public MetricRegistryRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<RegistryRow>> findAll() {
    return pool.query("select " + COLUMNS + " from heartbeat.metric_registry order by metric_id").execute()
        .map(rows -> {
          List<RegistryRow> list = new ArrayList<>();
          rows.forEach(r -> list.add(toRow(r)));
          return list;
        });
  }

  public Uni<RegistryRow> find(String metricId) {
    return pool.preparedQuery("select " + COLUMNS + " from heartbeat.metric_registry where metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.iterator().hasNext() ? toRow(rows.iterator().next()) : null);
  }

  static final String SYNC_ACTOR = "registry-service file sync";

  /** Inserts or replaces the file-owned columns of many rows in one transaction; operator columns are never touched. */
  public Uni<Void> saveFromSync(List<RegistryRow> rows) {
    return saveFromSync(rows, SYNC_ACTOR, "metrics folder sync");
  }

  /** As {@link #saveFromSync(List)}, audited with who asked for it and why (e.g. an admin confirming removals). */
  public Uni<Void> saveFromSync(List<RegistryRow> rows, String actor, String reason) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> batch = rows.stream().map(row -> Tuple.from(Arrays.asList(row.metricId(), row.file(),
        row.contentHash(), row.fileVersion(), row.version(), row.state(),
        row.definitionJson() == null ? "null" : row.definitionJson(), row.problemsJson()))).toList();
    return pool.withTransaction(conn -> declare(conn, "sync", actor, reason).chain(() -> conn.preparedQuery("""
        insert into heartbeat.metric_registry (metric_id, file, content_hash, file_version, version, state, definition,
          problems)
        values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb)
        on conflict (metric_id) do update set file = excluded.file, content_hash = excluded.content_hash,
          file_version = excluded.file_version, version = excluded.version, state = excluded.state,
          definition = excluded.definition, problems = excluded.problems,
          row_version = heartbeat.metric_registry.row_version + 1, updated_at = now()
        """).executeBatch(batch))).replaceWithVoid();
  }

  /**
   * Writes the operator's fields, only if nobody changed the row since {@code expectedRowVersion}; the guard adds
   * one audit row per changed field in the same transaction. Returns false on a concurrent change.
   */
  public Uni<Boolean> saveOperatorEdit(String metricId, long expectedRowVersion, OperatorFields f, String version,
      String actor, String reason) {
    return pool.withTransaction(conn -> declare(conn, "operator", actor, reason).chain(() -> conn.preparedQuery("""
        update heartbeat.metric_registry set norm_value = $3, alert_value = $4, target_value = $5, target_due_date = $6,
          benchmark_mean = $7, benchmark_stddev = $8, verification_state = $9, owner = $10, stage = $11, version = $12,
          row_version = row_version + 1, updated_at = now()
        where metric_id = $1 and row_version = $2
        """).execute(Tuple.from(Arrays.asList(metricId, expectedRowVersion, f.normValue(), f.alertValue(),
        f.targetValue(), f.targetDueDate(), f.benchmarkMean(), f.benchmarkStddev(), f.verificationState(), f.owner(),
        f.stage() == null ? null : f.stage().wire(), version))))
        .map(updated -> updated.rowCount() > 0));
  }

  /** Records that the broker acknowledged these versions; a row changed meanwhile keeps its newer version pending. */
  public Uni<Void> markPublished(List<String> metricIds, List<String> versions) {
    return pool.withTransaction(conn -> declare(conn, "sync", SYNC_ACTOR, "published on heartbeat.registry")
        .chain(() -> conn.preparedQuery("""
        update heartbeat.metric_registry r set published_version = p.version
        from unnest($1::text[], $2::text[]) as p(metric_id, version)
        where r.metric_id = p.metric_id and r.version = p.version
        """).execute(Tuple.of(metricIds.toArray(String[]::new), versions.toArray(String[]::new)))))
        .replaceWithVoid();
  }

  private static Uni<Void> declare(SqlConnection conn, String path, String actor, String reason) {
    return conn.preparedQuery("select set_config('heartbeat.write_path', $1, true), "
        + "set_config('heartbeat.actor', $2, true), set_config('heartbeat.reason', $3, true)")
        .execute(Tuple.of(path, actor, reason)).replaceWithVoid();
  }

  private static RegistryRow toRow(Row r) {
    String definition = r.getString(6);
    String stage = r.getString(17);
    OperatorFields operator = new OperatorFields(decimal(r, 9), decimal(r, 10), decimal(r, 11), r.getLocalDate(12),
        decimal(r, 13), decimal(r, 14), r.getString(15), r.getString(16), stage == null ? null : Stage.fromWire(stage));
    return new RegistryRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), definition == null || definition.equals("null") ? null : definition, r.getString(7),
        r.getString(8), operator, r.getLong(18));
  }

  private static BigDecimal decimal(Row r, int column) {
    return r.getBigDecimal(column);
  }
}
