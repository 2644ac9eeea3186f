package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.stream.StreamBroadcaster;
import io.smallrye.mutiny.Multi;

/** The live stream: tile changes and alert steps as Server-Sent Events, resumable with Last-Event-ID. */
@Path("/api/stream")
@Tag(name = "stream")
public class StreamResource {

  private final StreamBroadcaster broadcaster;
  private final CockpitConfig config;

  public StreamResource(StreamBroadcaster broadcaster, CockpitConfig config) {
    this.broadcaster = broadcaster;
    this.config = config;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.TEXT_PLAIN)
  @Operation(summary = "Server-Sent Events: `tile` (a tile as in /api/tiles, without sparkline) and `alert` (an alert"
      + " step) with increasing ids; reconnect with the Last-Event-ID header (or ?lastEventId=) to get what was"
      + " missed from the cockpit's journal first; a `: keep-alive` comment every 15 s")
  public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
      @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse) {
    Long lastEventId = lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
    Multi<OutboundSseEvent> events = broadcaster.subscribe(lastEventId).map(e -> sse.newEventBuilder()
        .id(Long.toString(e.id())).name(e.kind()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(e.payloadJson()).build());
    Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(config.stream().keepAlive())
        .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
    // A first comment flushes the headers at once, so a client knows the stream is open before any event.
    Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder()
        .comment("heartbeat stream; last id " + broadcaster.last()).build());
    return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(events, keepAlive));
  }

  private static Long lastEventId(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(text.trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new BadRequestException("Last-Event-ID must be a non-negative event id from this stream, got '"
          + text.trim() + "'");
    }
  }
}
