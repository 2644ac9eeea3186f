package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.config.CockpitConfig;
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
  private final CockpitConfig config;

  public EvaluationProjection(Pool pool, TileRepository tiles, SeriesRepository series, CockpitConfig config) {
    this.pool = pool;
    this.tiles = tiles;
    this.series = series;
    this.config = config;
  }

  /**
   * Applies one poll's evaluations in one transaction: every point inside the retention, and per metric the newest
   * evaluation as the tile unless the stored tile is newer. Replaying the batch changes nothing. Returns how many
   * events had each outcome.
   */
  public Uni<Map<Outcome, Integer>> apply(List<EvaluationEvent> events) {
    EvaluationBatch batch = new EvaluationBatch(events, Instant.now().minus(config.series().retention()));
    if (batch.empty()) {
      return Uni.createFrom().item(batch.outcomes(Set.of()));
    }
    return pool.withTransaction(conn -> series.upsert(conn, batch.points())
            .chain(() -> tiles.upsert(conn, batch.tiles())))
        .map(changed -> {
          Map<Outcome, Integer> outcomes = batch.outcomes(changed);
          Log.debugf("evaluations applied events=%d points=%d tilesChanged=%d outcomes=%s",
              events.size(), batch.points().size(), changed.size(), outcomes);
          return outcomes;
        });
  }
}
