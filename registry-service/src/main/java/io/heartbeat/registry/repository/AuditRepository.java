package io.heartbeat.registry.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.registry.model.AuditEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the append-only heartbeat.metric_audit, written only by the registry guard's trigger from each change. */
@ApplicationScoped
public class AuditRepository {

  private final Pool pool;

  public AuditRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<AuditEntry>> forMetric(String metricId, int limit) {
    return pool.preparedQuery("select id, metric_id, actor, at, field, old_value, new_value, reason "
        + "from heartbeat.metric_audit where metric_id = $1 order by id desc limit $2")
        .execute(Tuple.of(metricId, limit))
        .map(rows -> {
          List<AuditEntry> list = new ArrayList<>();
          rows.forEach(r -> list.add(new AuditEntry(r.getLong(0), r.getString(1), r.getString(2),
              r.getOffsetDateTime(3).toInstant(), r.getString(4), r.getString(5), r.getString(6), r.getString(7))));
          return list;
        });
  }
}
