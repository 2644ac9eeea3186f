package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.SliceRepository;
import io.heartbeat.cockpit.repository.TileRepository;
import io.heartbeat.cockpit.stream.TileChanges;
import io.quarkus.logging.Log;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Turns evaluations into tiles, sparkline points and drill-down slice points, and journals changed tiles. */
@ApplicationScoped
public class EvaluationProjection {

  private final Pool pool;
  private final TileRepository tiles;
  private final SeriesRepository series;
  private final SliceRepository slices;
  private final TileChanges changes;
  private final CockpitConfig config;
  private final StreamBroadcaster broadcaster;

  public EvaluationProjection(Pool pool, TileRepository tiles, SeriesRepository series, SliceRepository slices,
      TileChanges changes, CockpitConfig config, StreamBroadcaster broadcaster) {
    this.broadcaster = broadcaster;
    this.pool = pool;
    this.tiles = tiles;
    this.series = series;
    this.slices = slices;
    this.changes = changes;
    this.config = config;
  }

  /**
   * Applies one poll's evaluations in one transaction: every point inside the retention, and per metric the newest
   * evaluation as the tile unless the stored tile is newer; a changed tile is journaled for the live stream in the
   * same transaction. Replaying the batch changes nothing. Returns how many events had each outcome.
   */
  public Uni<Map<Outcome, Integer>> apply(List<EvaluationEvent> events) {
    EvaluationBatch batch = new EvaluationBatch(events, Instant.now().minus(config.series().retention()));
    if (batch.empty()) {
      return Uni.createFrom().item(batch.outcomes(Set.of()));
    }
    return pool.withTransaction(conn -> series.upsert(conn, batch.points())
            .chain(() -> slices.upsert(conn, batch.slices()))
            .chain(() -> tiles.upsert(conn, batch.tiles()))
            .call(changed -> changes.journal(conn, changed)))
        .invoke(broadcaster::wake)
        .map(changed -> {
          Map<Outcome, Integer> outcomes = batch.outcomes(changed);
          Log.debugf("evaluations applied events=%d points=%d slices=%d tilesChanged=%d outcomes=%s",
              events.size(), batch.points().size(), batch.slices().size(), changed.size(), outcomes);
          return outcomes;
        });
  }
}
