package io.heartbeat.cockpit.stream;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.repository.StreamJournal;
import io.heartbeat.cockpit.repository.TileRepository;
import io.heartbeat.cockpit.repository.TileRepository.StoredTile;
import io.heartbeat.cockpit.service.TileClock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Journals tile changes for the live stream: a new evaluation, and a tile the cockpit's clock turned stale. */
@ApplicationScoped
public class TileChanges {

  public static final String KIND = "tile";

  private final TileRepository tiles;
  private final StreamJournal journal;
  private final TileClock clock;
  private final ObjectMapper mapper;
  private final Pool pool;

  public TileChanges(TileRepository tiles, StreamJournal journal, TileClock clock, ObjectMapper mapper, Pool pool) {
    this.tiles = tiles;
    this.journal = journal;
    this.clock = clock;
    this.mapper = mapper;
    this.pool = pool;
  }

  /** Journals the tiles of the given metrics as they now read, inside the caller's transaction. */
  public Uni<Void> journal(SqlClient conn, Set<String> metricIds) {
    return journal(conn, metricIds, "");
  }

  /** Journals a metric's tile after its definition changed (a new norm shows on every screen at once). */
  public Uni<Void> journalDefinition(SqlClient conn, String metricId, String version) {
    return journal(conn, Set.of(metricId), "defined:" + version + "|");
  }

  /** Journals that a metric left the registry, so screens drop its tile. */
  public Uni<Void> journalRemoval(SqlClient conn, String metricId, Instant at) {
    return journal.append(conn, REMOVED, REMOVED + "|" + metricId + "|" + at, metricId,
        json(java.util.Map.of("metricId", metricId, "removedAt", at.toString())));
  }

  public static final String REMOVED = "removed";

  private Uni<Void> journal(SqlClient conn, Set<String> metricIds, String cause) {
    if (metricIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = Instant.now();
    return tiles.find(conn, metricIds).chain(found -> Multi.createFrom().iterable(found)
        .onItem().transformToUniAndConcatenate(stored -> journal.append(conn, KIND,
            KIND + "|" + cause + stored.tile().metricId() + "|" + stored.evaluationId(), stored.tile().metricId(),
            json(clock.shown(stored, now))))
        .collect().last().replaceWithVoid());
  }

  /** Pushes every tile that went stale by the cockpit's clock since its last evaluation, once per silence. */
  @Scheduled(every = "${cockpit.stale.check-every:10s}", delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> announceStale() {
    Instant now = Instant.now();
    return tiles.findAll().chain(all -> {
      List<StoredTile> silent = all.stream()
          .filter(t -> t.staleAnnouncedAt() == null && clock.stale(t, now)).toList();
      if (silent.isEmpty()) {
        return Uni.createFrom().voidItem();
      }
      Log.infof("tiles stale by the cockpit clock metrics=%s", silent.stream().map(t -> t.tile().metricId()).toList());
      return pool.withTransaction(conn -> Multi.createFrom().iterable(silent)
          .onItem().transformToUniAndConcatenate(stored -> journal.append(conn, KIND,
                  "stale|" + stored.tile().metricId() + "|" + stored.evaluationId(), stored.tile().metricId(),
                  json(clock.shown(stored, now)))
              .chain(() -> tiles.staleAnnounced(conn, stored.tile().metricId(), now)))
          .collect().last().replaceWithVoid());
    });
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tile not serialisable", e);
    }
  }
}
