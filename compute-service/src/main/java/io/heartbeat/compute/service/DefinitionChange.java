package io.heartbeat.compute.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.compute.model.MetricDefinitionEvent;
import io.heartbeat.compute.model.MetricRecord;
import io.heartbeat.compute.schedule.WindowClock;

/**
 * Decides what a defining registry event does to the stored metric; pure, so replays can be tested as a table.
 * Empty means nothing changes (a replay, or an event older than the one applied).
 */
public final class DefinitionChange {

  private DefinitionChange() {
  }

  public static Optional<MetricRecord> next(MetricRecord existing, MetricDefinitionEvent event, Instant now) {
    String state = event.state();
    JsonNode definition = event.definition();
    // PostgreSQL keeps microseconds: compare at that precision, or every replay would look newer.
    Instant published = event.publishedAt() == null ? null : event.publishedAt().truncatedTo(ChronoUnit.MICROS);
    if (existing == null) {
      return Optional.of(new MetricRecord(event.metricId(), state, published, now, event.version(),
          definition, null, null, null));
    }
    if (published != null && existing.publishedAt() != null
        && published.isBefore(existing.publishedAt())) {
      return Optional.empty();
    }
    // An invalid file keeps the last good definition in force, and with it that definition's version.
    boolean lastGoodKept = "invalid".equals(state) && definition.equals(existing.definition());
    String version = lastGoodKept ? existing.version() : event.version();
    if (version.equals(existing.version()) && definition.equals(existing.definition())) {
      if (state.equals(existing.state()) && Objects.equals(published, existing.publishedAt())) {
        return Optional.empty();
      }
      return Optional.of(new MetricRecord(existing.metricId(), state, published, existing.activeSince(),
          existing.version(), existing.definition(), existing.previousVersion(), existing.previousDefinition(),
          existing.effectiveFrom()));
    }
    if (existing.effectiveFrom() != null && now.isBefore(existing.effectiveFrom())) {
      // A second change inside the same window: the definition in force until then stays the one to replace.
      return Optional.of(new MetricRecord(existing.metricId(), state, published, existing.activeSince(),
          version, definition, existing.previousVersion(), existing.previousDefinition(), existing.effectiveFrom()));
    }
    Duration period = Duration.ofSeconds(existing.definition().path("periodSeconds").asLong());
    return Optional.of(new MetricRecord(existing.metricId(), state, published, existing.activeSince(),
        version, definition, existing.version(), existing.definition(), WindowClock.nextBoundary(now, period)));
  }
}
