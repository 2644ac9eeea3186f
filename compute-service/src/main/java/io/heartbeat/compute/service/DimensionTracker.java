package io.heartbeat.compute.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.repository.DimensionRepository;
import io.heartbeat.compute.schedule.Window;
import io.smallrye.mutiny.Uni;

/**
 * Zero fill on the live path: {@link DimensionMemory} over what compute.dimension_seen remembers. The memory of a
 * metric is cached while this instance computes its windows one after the other; a gap (a restart, another
 * instance computed some windows) reloads it from the table.
 */
@ApplicationScoped
public class DimensionTracker {

  private final DimensionRepository repository;
  private final ComputeConfig config;
  private final Map<String, Memory> cache = new ConcurrentHashMap<>();

  public DimensionTracker(DimensionRepository repository, ComputeConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** The window's observations with the fills its remembered dimension values need. */
  public Uni<List<ObservationEvent>> fill(String metricId, VersionedDefinition definition, Window window,
      List<ObservationEvent> observations) {
    String kind = definition.definition().dimension();
    if (kind == null) {
      return Uni.createFrom().item(observations);
    }
    Instant oldest = window.start().minus(config.dimensions().memory());
    Memory cached = cache.get(metricId);
    Uni<Map<String, Instant>> seen = cached != null && cached.kind().equals(kind)
        && cached.nextWindow().equals(window.start())
        ? Uni.createFrom().item(cached.seen())
        : repository.seen(metricId, kind, oldest);
    return seen.chain(remembered -> {
      DimensionMemory.Outcome outcome = DimensionMemory.fill(observations, remembered, kind,
          config.dimensions().memory(), DimensionMemory.withCount(definition.definition().minCount(), observations));
      cache.put(metricId, new Memory(kind, window.end(), outcome.seen()));
      Map<String, Instant> returned = new HashMap<>();
      observations.stream().filter(o -> o.dimension() != null)
          .forEach(o -> returned.put(o.dimension().value(), window.start()));
      Uni<Void> written = returned.isEmpty() ? Uni.createFrom().voidItem()
          : repository.remember(metricId, kind, returned, oldest);
      return written.replaceWith(outcome.observations());
    });
  }

  /** What is remembered for one metric, valid for computing the window starting at {@code nextWindow}. */
  private record Memory(String kind, Instant nextWindow, Map<String, Instant> seen) {
  }
}
