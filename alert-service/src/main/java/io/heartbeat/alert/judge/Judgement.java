package io.heartbeat.alert.judge;

/** The verdict on one window: status, the value that was judged (null if none) and the rule that decided. */
public record Judgement(Status status, Double value, String rule) {
}
