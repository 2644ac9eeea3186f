package io.heartbeat.cockpit.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.model.TileDetail;
import io.heartbeat.cockpit.repository.AlertRepository;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.TileRepository;
import io.heartbeat.cockpit.repository.TileRepository.StoredTile;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Serves the tiles: worst status first, so the heartbeat that needs a human is the first one seen. The whole grid is
 * one snapshot, serialised once and shared by every reader until the stream journal moves (a tile changed) or it is
 * older than the refresh interval (the cockpit clock may have aged a tile); readers are served the last snapshot
 * while the next one is built, so a wall of screens polling at once costs one build.
 */
@ApplicationScoped
public class TileService {

  /** Severity (Status declares error first, green last), then the operator's code. */
  static final Comparator<Tile> COCKPIT_ORDER =
      Comparator.comparing(Tile::status).thenComparing(Tile::code);
  static final int SPARKLINE_POINTS = 60;
  static final long REFRESH_NANOS = 2_000_000_000L;

  private final TileRepository tiles;
  private final SeriesRepository series;
  private final AlertRepository alerts;
  private final TileClock clock;
  private final StreamBroadcaster journal;
  private final ObjectMapper mapper;
  private final CockpitConfig config;
  private volatile Snapshot current;
  private Uni<Snapshot> building;

  public TileService(TileRepository tiles, SeriesRepository series, AlertRepository alerts, TileClock clock,
      StreamBroadcaster journal, ObjectMapper mapper, CockpitConfig config) {
    this.tiles = tiles;
    this.series = series;
    this.alerts = alerts;
    this.clock = clock;
    this.journal = journal;
    this.mapper = mapper;
    this.config = config;
  }

  /** The grid as served: tiles in cockpit order, their JSON and its ETag. */
  public record Snapshot(List<Tile> tiles, byte[] json, String etag, byte[] gzip, String gzipEtag, long journalId,
      long builtAt) {
  }

  /** One tile per metric in the registry, in cockpit order. */
  public Uni<List<Tile>> tiles() {
    return snapshot().map(Snapshot::tiles);
  }

  /** The current snapshot: the last one while a newer is built, a fresh one when there is none yet. */
  public Uni<Snapshot> snapshot() {
    Snapshot s = current;
    long journalId = journal.last();
    if (s != null && s.journalId() == journalId && System.nanoTime() - s.builtAt() < REFRESH_NANOS) {
      return Uni.createFrom().item(s);
    }
    Uni<Snapshot> next = rebuild(journalId);
    // A tile changed (the journal moved): answer with the change. Only aging by the clock is served from the last
    // snapshot while the next is built.
    return s == null || s.journalId() != journalId ? next : Uni.createFrom().item(s);
  }

  private synchronized Uni<Snapshot> rebuild(long journalId) {
    if (building == null) {
      long started = System.nanoTime();
      Uni<Snapshot> build = build(journalId, started)
          .invoke(s -> current = s)
          .eventually(() -> {
            synchronized (this) {
              building = null;
            }
          })
          .memoize().indefinitely();
      building = build;
      build.subscribe().with(s -> { }, e -> Log.warnf("tile snapshot failed: %s", e.getMessage()));
    }
    return building;
  }

  private Uni<Snapshot> build(long journalId, long started) {
    Instant now = Instant.now();
    return Uni.combine().all()
        .unis(tiles.findAll(), series.sparklines(now.minus(config.series().retention()), SPARKLINE_POINTS),
            alerts.openTotals())
        .asTuple().map(t -> {
          Map<String, Tile.OpenAlert> open = new HashMap<>();
          for (Row row : t.getItem3()) {
            open.put(row.getString("metric_id"), new Tile.OpenAlert(row.getString("dedup_key"),
                row.getString("state"), Status.fromWire(row.getString("status")),
                row.getOffsetDateTime("episode_start").toInstant()));
          }
          List<Tile> list = new ArrayList<>(t.getItem1().size());
          for (StoredTile stored : t.getItem1()) {
            list.add(enrich(clock.shown(stored, now), t.getItem2().getOrDefault(stored.tile().metricId(), List.of()),
                open.get(stored.tile().metricId())));
          }
          list.sort(COCKPIT_ORDER);
          byte[] json = json(list);
          // Compressed once per snapshot, not per request: 1,000 tiles are 1.2 MB of JSON and 66 KB gzipped.
          byte[] gzip = gzip(json);
          String etag = ETags.of(json);
          return new Snapshot(List.copyOf(list), json, etag, gzip, etag.replaceFirst("\"$", "-gzip\""), journalId,
              started);
        });
  }

  /** One metric's tile (aged by the cockpit clock) with its points inside the retention; empty when unknown. */
  public Uni<Optional<TileDetail>> tile(String metricId) {
    Instant now = Instant.now();
    Instant since = now.minus(config.series().retention());
    return tiles.findById(metricId).chain(found -> found.isEmpty()
        ? Uni.createFrom().item(Optional.<TileDetail>empty())
        : series.since(metricId, since).map(points -> Optional.of(
            new TileDetail(clock.shown(found.get(), now), points))));
  }

  /** The tile of one metric as the grid shows it (aged, with change and target progress), empty when unknown. */
  public Uni<Optional<Tile>> shown(String metricId) {
    return snapshot().map(s -> s.tiles().stream().filter(t -> t.metricId().equals(metricId)).findFirst())
        .chain(inSnapshot -> inSnapshot.isPresent() ? Uni.createFrom().item(inSnapshot)
            : tiles.findById(metricId).map(found -> found.map(st -> clock.shown(st, Instant.now()))));
  }

  static Tile enrich(Tile tile, List<Tile.Spark> sparkline, Tile.OpenAlert alert) {
    return tile.with(change(tile, sparkline), targetProgress(tile), sparkline, alert);
  }

  /** The value against the window before the tile's own, when both are known. */
  static Tile.Change change(Tile tile, List<Tile.Spark> sparkline) {
    if (tile.value() == null || tile.windowStart() == null) {
      return null;
    }
    Double previous = null;
    for (Tile.Spark p : sparkline) {
      if (p.t().isBefore(tile.windowStart())) {
        previous = p.v();
      }
    }
    if (previous == null) {
      return new Tile.Change(null, null, null);
    }
    double delta = tile.value() - previous;
    return new Tile.Change(previous, delta, previous == 0 ? null : round(100 * delta / Math.abs(previous)));
  }

  /** Direction-aware: higher_is_better reaches 100 at the target from below, lower_is_better from above. */
  static Tile.TargetProgress targetProgress(Tile tile) {
    if (tile.targetValue() == null || tile.value() == null || tile.targetValue() == 0) {
      return null;
    }
    double percent = "lower_is_better".equals(tile.direction())
        ? (tile.value() <= 0 ? 100 : 100 * tile.targetValue() / tile.value())
        : 100 * tile.value() / tile.targetValue();
    return new Tile.TargetProgress(tile.targetValue(), tile.targetDueDate(), round(Math.max(0, percent)));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static byte[] gzip(byte[] bytes) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 8 + 64);
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("gzip of the tiles failed", e);
    }
    return out.toByteArray();
  }

  private byte[] json(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tiles not serialisable", e);
    }
  }
}
