package io.heartbeat.alert.judge;

import io.heartbeat.alert.episode.Transition;
import io.heartbeat.alert.sla.RedInterval;

/**
 * The judgement of one window with what explains it (band, typical, change, benchmark distance) and its
 * consequences: the episode step to publish (or null) and the red interval it extends (metric totals only, or null).
 */
public record Verdict(Judgement judgement, BandRange band, Typical typical, Change change,
    BenchmarkDistance benchmark, Transition transition, RedInterval red) {
}
