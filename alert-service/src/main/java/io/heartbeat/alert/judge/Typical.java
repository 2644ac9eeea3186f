package io.heartbeat.alert.judge;

/** What recent history says is usual for a series: mean ± one standard deviation over the last windows. */
public record Typical(double mean, double stddev, double lower, double upper, int windows) {
}
