package io.heartbeat.cockpit.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.repository.SeriesRepository;
import io.heartbeat.cockpit.repository.SliceRepository;
import io.heartbeat.cockpit.repository.StreamJournal;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Keeps series and slice points to the retention (also for metrics that stopped beating), and the stream journal. */
@ApplicationScoped
public class SeriesPruner {

  private final SeriesRepository series;
  private final SliceRepository slices;
  private final StreamJournal journal;
  private final CockpitConfig config;

  public SeriesPruner(SeriesRepository series, SliceRepository slices, StreamJournal journal, CockpitConfig config) {
    this.series = series;
    this.slices = slices;
    this.journal = journal;
    this.config = config;
  }

  @Scheduled(every = "${cockpit.series.prune-every:10m}", delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduledPrune() {
    return prune(Instant.now()).replaceWithVoid();
  }

  /** Deletes the points older than the retention at now; returns how many went. */
  public Uni<Integer> prune(Instant now) {
    Instant cutoff = now.minus(config.series().retention());
    return series.pruneBefore(cutoff).invoke(n -> Log.debugf("series pruned points=%d cutoff=%s", n, cutoff))
        .call(() -> slices.pruneBefore(cutoff))
        .call(() -> journal.pruneBefore(now.minus(config.stream().retention())));
  }
}
