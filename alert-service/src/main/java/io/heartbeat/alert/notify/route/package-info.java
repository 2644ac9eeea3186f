/**
 * Routing (issue 11, item 1): the versioned routes file ({@link io.heartbeat.alert.notify.route.RoutesFile}) says
 * which receivers exist and which of them hear about an episode step, by SLA, metric, owning team and severity, and
 * which lifecycle stages may page a human ({@link io.heartbeat.alert.notify.route.Router}). Secrets are named by
 * their environment variable in the file and read from the environment only when the channels are built.
 */
package io.heartbeat.alert.notify.route;
