package io.heartbeat.alert.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.repository.MetricRepository;
import io.smallrye.mutiny.Uni;

/**
 * The definitions in force, cached in memory over alert.metric so a batch costs at most one lookup for metrics not
 * seen yet. Changed only from the judgement lane; unknown metrics are never cached, so a definition that arrives
 * later is found.
 */
@ApplicationScoped
public class MetricCatalog {

  private final MetricRepository repository;
  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

  public MetricCatalog(MetricRepository repository) {
    this.repository = repository;
  }

  /** The known metrics among ids, by id. */
  public Uni<Map<String, Metric>> resolve(Collection<String> metricIds) {
    Map<String, Metric> found = new HashMap<>();
    List<String> missing = metricIds.stream().filter(id -> {
      Metric metric = metrics.get(id);
      if (metric != null) {
        found.put(id, metric);
      }
      return metric == null;
    }).toList();
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return repository.findAll(missing).map(loaded -> {
      metrics.putAll(loaded);
      found.putAll(loaded);
      return found;
    });
  }

  void put(Metric metric) {
    metrics.put(metric.metricId(), metric);
  }

  void remove(String metricId) {
    metrics.remove(metricId);
  }

  /** Forgets every cached definition, as a restart would. */
  public void forget() {
    metrics.clear();
  }
}
