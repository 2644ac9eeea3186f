/**
 * incident.io, HTTP alert source (https://docs.incident.io/api-reference/alert-events-v2/createhttp): {@link
 * io.heartbeat.alert.notify.channel.incidentio.IncidentIoChannel} with its settings, the alert event record and the
 * Markdown description.
 */
package io.heartbeat.alert.notify.channel.incidentio;
