package io.heartbeat.compute.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.repository.WindowRunRepository;
import io.smallrye.mutiny.Uni;

/**
 * Marks acknowledged windows published, many per UPDATE. Losing a mark (a crash right after the acknowledgement)
 * only means the same records are published once more later, which consumers dedup by id.
 */
@ApplicationScoped
public class PublishedMarks {

  private final Batching<WindowRunRepository.Key, Void> batching;

  public PublishedMarks(WindowRunRepository runs) {
    this.batching = new Batching<>(500, Duration.ofMillis(10),
        keys -> runs.markPublished(keys).map(ignored -> Collections.nCopies(keys.size(), (Void) null)));
  }

  /** Completes once the window is marked. */
  public Uni<Void> mark(String metricId, Instant windowStart) {
    return batching.submit(new WindowRunRepository.Key(metricId, windowStart));
  }
}
