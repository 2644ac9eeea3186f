package io.heartbeat.alert.judge;

/** The anomaly band for one window: the expected value and the range a healthy value stays within. */
public record BandRange(double expected, double lower, double upper) {
}
