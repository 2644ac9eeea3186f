package io.heartbeat.alert.model;

/** An event together with its JSON as stored and published, written once so both are the same bytes. */
public record Written<T>(T event, String json) {
}
