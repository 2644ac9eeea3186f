package io.heartbeat.alert.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.delivery.Delivery;
import io.heartbeat.alert.notify.delivery.DeliveryLog;
import io.heartbeat.alert.notify.outbox.Outbox;
import io.heartbeat.alert.repository.AlertReadRepository;
import io.heartbeat.alert.repository.AlertReadRepository.EpisodeRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * One alert episode with what responders need first: its state, the latest step told as a page would tell it now
 * (value against band and thresholds, how_to_read, runbook, cockpit link, and the responder context: recent deploys,
 * the rollback, other heartbeats failing, the slices that dropped most, suggested actions), and its deliveries.
 */
@Path("/api/alerts/{key}")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  private final AlertReadRepository episodes;
  private final Outbox outbox;
  private final DeliveryLog deliveries;
  private final Pool pool;

  public AlertResource(AlertReadRepository episodes, Outbox outbox, DeliveryLog deliveries, Pool pool) {
    this.episodes = episodes;
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.pool = pool;
  }

  /** The episode, its latest step as a notification with the context gathered now, and every page sent of it. */
  public record AlertView(EpisodeRow episode, Notification notification, List<Delivery> deliveries) {
  }

  @GET
  @Operation(summary = "An alert episode (its dedup key) with what responders need first: value against band and"
      + " thresholds, how_to_read, runbook and cockpit links, recent deploys and the rollback outcome, other"
      + " heartbeats failing now, the dimensions that dropped most, rule-based suggested actions, and deliveries")
  public Uni<AlertView> alert(@PathParam("key") String key) {
    return episodes.find(key).chain(found -> {
      if (found == null || found.latest() == null) {
        throw new NotFoundException("unknown alert episode " + key);
      }
      return outbox.describe(pool, found.latest())
          .chain(notification -> deliveries.history(key)
              .map(history -> new AlertView(found.episode(), notification, history)));
    });
  }
}
