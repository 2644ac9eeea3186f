package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.model.TileDetail;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.TileRepository;
import io.smallrye.mutiny.Uni;

/** Serves the tiles: worst status first, so the heartbeat that needs a human is the first one seen. */
@ApplicationScoped
public class TileService {

  /** Severity (Status declares error first, green last), then the operator's code. */
  static final Comparator<Tile> COCKPIT_ORDER =
      Comparator.comparing(Tile::status).thenComparing(Tile::code);

  private final TileRepository tiles;
  private final SeriesRepository series;
  private final CockpitConfig config;

  public TileService(TileRepository tiles, SeriesRepository series, CockpitConfig config) {
    this.tiles = tiles;
    this.series = series;
    this.config = config;
  }

  /** One tile per metric in the registry, in cockpit order. */
  public Uni<List<Tile>> tiles() {
    return tiles.findAll().map(all -> all.stream().sorted(COCKPIT_ORDER).toList());
  }

  /** One metric's tile with its points inside the retention, empty when the metric is unknown. */
  public Uni<Optional<TileDetail>> tile(String metricId) {
    Instant since = Instant.now().minus(config.series().retention());
    return tiles.findById(metricId).chain(found -> found.isEmpty()
        ? Uni.createFrom().item(Optional.<TileDetail>empty())
        : series.since(metricId, since).map(points -> Optional.of(new TileDetail(found.get(), points))));
  }
}
