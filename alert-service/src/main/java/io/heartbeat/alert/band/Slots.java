package io.heartbeat.alert.band;

/** The seasonal slots one window falls in: fine time of day, hour of day, hour of week. */
record Slots(int fine, int hour, int week) {
}
