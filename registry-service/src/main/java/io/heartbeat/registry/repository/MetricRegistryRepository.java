package io.heartbeat.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** heartbeat.metric_registry through the reactive client; every write declares the sync path the guard trigger allows. */
@ApplicationScoped
public class MetricRegistryRepository {

  private static final String COLUMNS = "metric_id, file, content_hash, version, state, definition::text, problems::text, "
      + "published_version";
  private final Pool pool;

  public MetricRegistryRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<RegistryRow>> findAll() {
    return pool.query("select " + COLUMNS + " from heartbeat.metric_registry order by metric_id").execute()
        .map(rows -> {
          List<RegistryRow> list = new java.util.ArrayList<>();
          rows.forEach(r -> list.add(toRow(r)));
          return list;
        });
  }

  public Uni<RegistryRow> find(String metricId) {
    return pool.preparedQuery("select " + COLUMNS + " from heartbeat.metric_registry where metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.iterator().hasNext() ? toRow(rows.iterator().next()) : null);
  }

  /** Inserts or replaces the file-owned columns; operator columns are never touched by a sync. */
  public Uni<Void> saveFromSync(RegistryRow row) {
    return pool.withTransaction(conn -> declareSync(conn).chain(() -> conn.preparedQuery("""
        insert into heartbeat.metric_registry (metric_id, file, content_hash, version, state, definition, problems)
        values ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb)
        on conflict (metric_id) do update set file = excluded.file, content_hash = excluded.content_hash,
          version = excluded.version, state = excluded.state, definition = excluded.definition,
          problems = excluded.problems, row_version = heartbeat.metric_registry.row_version + 1, updated_at = now()
        """).execute(Tuple.from(List.of(row.metricId(), row.file(), row.contentHash(), row.version(), row.state(),
        row.definitionJson() == null ? "null" : row.definitionJson(), row.problemsJson())))))
        .replaceWithVoid();
  }

  public Uni<Void> markPublished(String metricId, String version) {
    return pool.withTransaction(conn -> declareSync(conn).chain(() -> conn.preparedQuery(
        "update heartbeat.metric_registry set published_version = $2 where metric_id = $1")
        .execute(Tuple.of(metricId, version)))).replaceWithVoid();
  }

  private static Uni<Void> declareSync(SqlConnection conn) {
    return conn.query("select set_config('heartbeat.write_path', 'sync', true)").execute().replaceWithVoid();
  }

  private static RegistryRow toRow(Row r) {
    String definition = r.getString(5);
    return new RegistryRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        definition == null || definition.equals("null") ? null : definition, r.getString(6), r.getString(7));
  }
}
