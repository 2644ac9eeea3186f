package io.heartbeat.alert.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.config.AlertConfig;
import io.heartbeat.alert.series.SeriesState;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.repository.SeriesStateRepository;
import io.smallrye.mutiny.Uni;

/**
 * Series states in memory over alert.series_state: a batch reads from PostgreSQL only the series it has not seen.
 * States a batch moved stay dirty (and are never dropped) until a checkpoint writes them; clean ones beyond the bound
 * are dropped, least recently used first. Used from the judgement lane only.
 */
@ApplicationScoped
public class SeriesCache {

  private final SeriesStateRepository repository;
  private final SeriesCodec codec;
  private final Map<SeriesKey, SeriesState> clean;
  private final Map<SeriesKey, SeriesState> dirty = new HashMap<>();

  public SeriesCache(SeriesStateRepository repository, SeriesCodec codec, AlertConfig config) {
    this.repository = repository;
    this.codec = codec;
    int bound = config.judgement().cachedSeries();
    this.clean = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SeriesKey, SeriesState> eldest) {
        return size() > bound;
      }
    };
  }

  /** The state of each key (fresh for a series never seen); metrics must hold the metric of every key. */
  public Uni<Map<SeriesKey, SeriesState>> load(Collection<SeriesKey> keys, Map<String, Metric> metrics) {
    Map<SeriesKey, SeriesState> found = new HashMap<>(keys.size() * 2);
    List<SeriesKey> missing = new ArrayList<>();
    for (SeriesKey key : keys) {
      SeriesState state = dirty.get(key);
      if (state == null) {
        state = clean.get(key);
      }
      if (state == null) {
        missing.add(key);
      } else {
        found.put(key, state);
      }
    }
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return repository.find(missing).map(stored -> {
      for (SeriesKey key : missing) {
        SeriesState state = codec.read(metrics.get(key.metricId()), key, stored.get(key));
        clean.put(key, state);
        found.put(key, state);
      }
      return found;
    });
  }

  /** The state moved in memory: it must be written by the next checkpoint. */
  public void moved(SeriesKey key, SeriesState state) {
    dirty.put(key, state);
  }

  public int dirtyCount() {
    return dirty.size();
  }

  /** Hands the moved states to a checkpoint; they stay cached (clean) from now on. */
  Map<SeriesKey, SeriesState> takeDirty() {
    Map<SeriesKey, SeriesState> taken = new HashMap<>(dirty);
    dirty.clear();
    clean.putAll(taken);
    return taken;
  }

  /** A checkpoint failed: its states are dirty again (the lane moved nothing meanwhile). */
  void returnDirty(Map<SeriesKey, SeriesState> states) {
    states.forEach(dirty::putIfAbsent);
  }

  /**
   * Drops the states of a metric whose definition changed (after a checkpoint): reloaded under the new one. A state
   * still dirty (its checkpoint failed) is kept: dropping it would lose what was learned since.
   */
  void evictMetric(String metricId) {
    clean.keySet().removeIf(key -> key.metricId().equals(metricId) && !dirty.containsKey(key));
  }

  /** Forgets every state, as a restart would; the next batches read them back from PostgreSQL. */
  public void forget() {
    clean.clear();
    dirty.clear();
  }
}
