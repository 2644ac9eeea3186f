package io.heartbeat.alert.model;

/** A row of alert.series_state: the state as JSON (SeriesSnapshot) and the band's learned state (null without). */
public record StoredSeries(String state, byte[] band) {
}
