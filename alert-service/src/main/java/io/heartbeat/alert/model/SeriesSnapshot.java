package io.heartbeat.alert.model;

import java.time.Instant;

import io.heartbeat.alert.band.Breach;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A series' judgement state as stored in alert.series_state.state (the band's learned state is the separate bytea
 * column): the last window judged in order, history as parallel arrays (window start in epoch seconds, value), the
 * band's breach, the episode, the open downtime interval (redStart..redEnd, of downKind: down or unmeasured), the
 * silence last judged stale and the definition version whose history was learned.
 */
@RegisterForReflection
public record SeriesSnapshot(int periodSeconds, String direction, Instant lastWindowStart, long[] windowStarts,
    double[] values, Breach breach, EpisodeTracker.Snapshot episode, Instant redStart, Instant redEnd,
    Instant staleWindow, String downKind, String historyVersion) {
}
