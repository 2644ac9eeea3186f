package io.heartbeat.cockpit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.TileRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Turns metric-level evaluations into tiles and sparkline points; dimension slices are not the cockpit's. */
@ApplicationScoped
public class EvaluationProjection {

  private final Pool pool;
  private final TileRepository tiles;
  private final SeriesRepository series;

  public EvaluationProjection(Pool pool, TileRepository tiles, SeriesRepository series) {
    this.pool = pool;
    this.tiles = tiles;
    this.series = series;
  }

  /** Applies one evaluation: the point always, the tile only when the evaluation is its newest. */
  public Uni<Outcome> apply(EvaluationEvent e) {
    if (!e.metricLevel()) {
      return Uni.createFrom().item(Outcome.IGNORED);
    }
    return pool.withTransaction(conn -> series.upsert(conn, e).chain(() -> tiles.upsert(conn, e)))
        .map(changed -> {
          Log.debugf("evaluation applied metricId=%s evaluationId=%s status=%s windowStart=%s tileChanged=%s",
              e.metricId(), e.id(), e.status().wire(), e.windowStart(), changed);
          return changed ? Outcome.APPLIED : Outcome.SUPERSEDED;
        });
  }
}
