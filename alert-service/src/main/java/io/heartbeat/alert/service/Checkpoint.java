package io.heartbeat.alert.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.heartbeat.alert.config.AlertConfig;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.messaging.ObservationOffsets;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.model.StoredSeries;
import io.heartbeat.alert.repository.SeriesStateRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Writes the series states moved since the last checkpoint, then commits the observation offsets they cover. A band
 * state is a few KB, so writing it per observation would dominate; in between, evaluations, alerts and episodes are
 * written per batch, and after a crash the observations since the checkpoint are judged again from its states,
 * identically (deterministic ids: nothing is published twice). Runs on the judgement lane.
 */
@ApplicationScoped
public class Checkpoint {

  private static final int ROWS_PER_STATEMENT = 500;

  private final SeriesCache cache;
  private final SeriesCodec codec;
  private final SeriesStateRepository repository;
  private final ObservationOffsets offsets;
  private final Pool pool;
  private final Clock clock;
  private final Duration every;
  private final int maxDirty;
  private final Map<TopicPartition, Long> processed = new HashMap<>();
  private Instant last;

  public Checkpoint(SeriesCache cache, SeriesCodec codec, SeriesStateRepository repository,
      ObservationOffsets offsets, Pool pool, Clock clock, AlertConfig config) {
    this.cache = cache;
    this.codec = codec;
    this.repository = repository;
    this.offsets = offsets;
    this.pool = pool;
    this.clock = clock;
    this.every = config.judgement().checkpointEvery();
    this.maxDirty = config.judgement().checkpointDirtySeries();
    this.last = clock.instant();
  }

  /** The batch ending at these next offsets (per partition) is written; a checkpoint may now cover it. */
  synchronized void processed(Map<TopicPartition, Long> nextOffsets) {
    nextOffsets.forEach((partition, offset) -> processed.merge(partition, offset, Math::max));
  }

  /** Due when enough states are waiting, or the interval passed and anything is waiting. */
  synchronized boolean due() {
    boolean waiting = cache.dirtyCount() > 0 || !processed.isEmpty();
    return cache.dirtyCount() >= maxDirty || (waiting && !clock.instant().isBefore(last.plus(every)));
  }

  /** Progress not yet covered by a checkpoint is dropped, as a crash would: the next batches replay it. */
  synchronized void forget() {
    processed.clear();
    cache.forget();
  }

  /** Must run on the judgement lane after every write queued before it is done (the writes it covers). */
  Uni<Void> run() {
    Map<SeriesKey, SeriesState> states = cache.takeDirty();
    Map<TopicPartition, Long> covered;
    synchronized (this) {
      covered = new HashMap<>(processed);
      processed.clear();
      last = clock.instant();
    }
    if (states.isEmpty() && covered.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    long started = System.nanoTime();
    // Encoded a chunk at a time: all band states at once would be tens of MB on the heap.
    List<List<Map.Entry<SeriesKey, SeriesState>>> chunks = chunks(states);
    return pool.withTransaction(connection -> Multi.createFrom().iterable(chunks)
            .onItem().transformToUniAndConcatenate(chunk -> Uni.createFrom().item(() -> encode(chunk))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(encoded -> repository.saveAll(connection, encoded, last)))
            .collect().last())
        .onFailure().invoke(e -> {
          // The states are dirty again and the offsets waiting again: the next checkpoint writes them.
          Log.warnf("Checkpoint failed, kept for the next one states=%d reason=%s", states.size(), e.getMessage());
          cache.returnDirty(states);
          processed(covered);
        })
        .chain(() -> offsets.commit(toCommit(covered))
            .onFailure().invoke(e -> {
              Log.warnf("Offset commit failed, retried by the next checkpoint reason=%s", e.getMessage());
              processed(covered);
            }))
        .invoke(() -> Log.debugf("Checkpoint states=%d partitions=%d ms=%d", states.size(), covered.size(),
            (System.nanoTime() - started) / 1_000_000))
        .onFailure().recoverWithNull().replaceWithVoid();
  }

  private static List<List<Map.Entry<SeriesKey, SeriesState>>> chunks(Map<SeriesKey, SeriesState> states) {
    List<List<Map.Entry<SeriesKey, SeriesState>>> chunks = new ArrayList<>();
    List<Map.Entry<SeriesKey, SeriesState>> chunk = new ArrayList<>();
    for (Map.Entry<SeriesKey, SeriesState> entry : states.entrySet()) {
      chunk.add(entry);
      if (chunk.size() == ROWS_PER_STATEMENT) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  private Map<SeriesKey, StoredSeries> encode(List<Map.Entry<SeriesKey, SeriesState>> chunk) {
    Map<SeriesKey, StoredSeries> encoded = new HashMap<>(chunk.size() * 2);
    for (Map.Entry<SeriesKey, SeriesState> entry : chunk) {
      encoded.put(entry.getKey(), codec.write(entry.getValue()));
    }
    return encoded;
  }

  private static Map<TopicPartition, OffsetAndMetadata> toCommit(Map<TopicPartition, Long> covered) {
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    covered.forEach((partition, next) -> commit.put(partition, new OffsetAndMetadata(next)));
    return commit;
  }
}
