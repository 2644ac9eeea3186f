package io.heartbeat.cockpit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.DeploymentEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.deployment: deploys of every service, to mark on charts. */
@ApplicationScoped
public class DeploymentRepository {

  private final Pool pool;

  public DeploymentRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a deploy once (its id is deterministic); returns false for a replay. */
  public Uni<Boolean> insert(DeploymentEvent d) {
    return pool.preparedQuery("""
        insert into cockpit.deployment (id, service, version, environment, started_at, finished_at, commit, author)
        values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing
        """).execute(Tuple.tuple().addString(d.id()).addString(d.service()).addString(d.version())
            .addString(d.environment()).addOffsetDateTime(TileRepository.utc(d.startedAt()))
            .addOffsetDateTime(TileRepository.utc(d.finishedAt())).addString(d.commit()).addString(d.author()))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Deploys of the given services that finished in [from, to], oldest first. */
  public Uni<List<DeploymentEvent>> of(List<String> services, Instant from, Instant to) {
    if (services.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return pool.preparedQuery("""
        select id, service, version, environment, started_at, finished_at, commit, author from cockpit.deployment
        where service = any($1) and finished_at >= $2 and finished_at <= $3 order by finished_at
        """).execute(Tuple.of(services.toArray(String[]::new), TileRepository.utc(from), TileRepository.utc(to)))
        .map(rows -> {
          List<DeploymentEvent> list = new ArrayList<>(rows.size());
          rows.forEach(r -> list.add(new DeploymentEvent(r.getString("id"), r.getString("service"),
              r.getString("version"), r.getString("environment"), r.getOffsetDateTime("started_at").toInstant(),
              r.getOffsetDateTime("finished_at").toInstant(), r.getString("commit"), r.getString("author"))));
          return list;
        });
  }
}
