package io.heartbeat.compute.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricRecord;
import io.heartbeat.compute.repository.HistoryRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Decides when a definition gets a history job: a metric first seen, or a new version whose value_sql or period
 * differs from the definition it replaces (other edits keep the series the band learnt). The job is written in the
 * definition's own transaction.
 */
@ApplicationScoped
public class HistoryPlanner {

  private final HistoryRepository jobs;
  private final ComputeConfig config;
  private final ObjectMapper mapper;

  public HistoryPlanner(HistoryRepository jobs, ComputeConfig config, ObjectMapper mapper) {
    this.jobs = jobs;
    this.config = config;
    this.mapper = mapper;
  }

  /** After {@code next} replaced {@code existing} (null for a new metric) in {@code client}'s transaction. */
  public Uni<Void> plan(SqlClient client, MetricRecord existing, MetricRecord next) {
    if (!config.history().enabled()) {
      return Uni.createFrom().voidItem();
    }
    return end(existing, next).map(end -> {
      MetricDefinition definition = read(next.definition());
      HistoryRange range = HistoryRange.of(definition, end, config.history().maxDays(), config.history().maxWindows());
      Log.infof("history planned metric=%s version=%s from=%s to=%s windows=%d", next.metricId(), next.version(),
          range.start(), range.end(), range.windows(definition.length()));
      return jobs.insert(client, next.metricId(), next.version(), next.definition(), definition.periodSeconds(),
          range.start(), range.end());
    }).orElseGet(() -> Uni.createFrom().voidItem());
  }

  /** The history's end (the version's first live window), or empty when the version needs no history. */
  static Optional<Instant> end(MetricRecord existing, MetricRecord next) {
    Duration period = Duration.ofSeconds(next.definition().path("periodSeconds").asLong());
    if (existing == null) {
      return Optional.of(HistoryRange.endForNewMetric(next.activeSince(), period));
    }
    if (next.version().equals(existing.version()) || next.previousDefinition() == null
        || next.effectiveFrom() == null) {
      return Optional.empty();
    }
    // Against the definition live windows ran under until now (a second change in one window keeps that one).
    JsonNode replaced = next.previousDefinition();
    boolean sqlChanged = !Objects.equals(replaced.path("valueSql").asText(), next.definition().path("valueSql").asText());
    boolean periodChanged = replaced.path("periodSeconds").asLong() != period.getSeconds();
    return sqlChanged || periodChanged ? Optional.of(HistoryRange.endForChange(next.effectiveFrom(), period))
        : Optional.empty();
  }

  private MetricDefinition read(JsonNode definition) {
    try {
      return mapper.treeToValue(definition, MetricDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("definition unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
