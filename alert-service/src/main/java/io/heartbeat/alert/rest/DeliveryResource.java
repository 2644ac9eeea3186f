package io.heartbeat.alert.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.heartbeat.alert.notify.delivery.Delivery;
import io.heartbeat.alert.notify.delivery.DeliveryLog;
import io.smallrye.mutiny.Uni;

/** The delivery history of one alert episode: every page, to which receiver, and how its attempts went. */
@Path("/api/alerts/{key}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

  private final DeliveryLog deliveries;

  public DeliveryResource(DeliveryLog deliveries) {
    this.deliveries = deliveries;
  }

  @GET
  @Operation(summary = "Every page of the episode (its dedup key): receiver, step, state pending/delivered/failed,"
      + " attempts, last HTTP status and error, timestamps")
  public Uni<List<Delivery>> deliveries(@PathParam("key") String key) {
    return deliveries.history(key).chain(history -> history.isEmpty()
        ? deliveries.episodeExists(key).map(exists -> {
          if (!exists) {
            throw new NotFoundException("unknown alert episode " + key);
          }
          return history;
        })
        : Uni.createFrom().item(history));
  }
}
