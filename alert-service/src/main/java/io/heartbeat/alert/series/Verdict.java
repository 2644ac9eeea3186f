package io.heartbeat.alert.series;

import io.heartbeat.alert.episode.Transition;
import io.heartbeat.alert.judge.BandRange;
import io.heartbeat.alert.judge.BenchmarkDistance;
import io.heartbeat.alert.judge.Change;
import io.heartbeat.alert.judge.Judgement;
import io.heartbeat.alert.judge.Typical;
import io.heartbeat.alert.sla.Downtime;

/**
 * The judgement of one window with what explains it (band, typical, change, benchmark distance) and its
 * consequences: the episode step to publish (or null) and the downtime interval it extends (metric totals only, or
 * null).
 */
public record Verdict(Judgement judgement, BandRange band, Typical typical, Change change,
    BenchmarkDistance benchmark, Transition transition, Downtime downtime) {
}
