package io.heartbeat.alert.episode;

import java.time.Instant;

import io.heartbeat.alert.judge.Status;

/**
 * One published step of an episode: the window that caused it, the status now (for resolved: the status that
 * recovered it) and before (escalated: the previous peak; resolved: the episode's peak), and a reason people read.
 */
public record Transition(AlertType type, Instant episodeStart, Status status, Status previousStatus,
    Instant windowStart, Instant windowEnd, String reason) {
}
