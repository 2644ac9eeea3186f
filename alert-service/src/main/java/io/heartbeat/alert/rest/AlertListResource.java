package io.heartbeat.alert.rest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.heartbeat.alert.repository.AlertReadRepository;
import io.heartbeat.alert.repository.AlertReadRepository.EpisodeRow;
import io.smallrye.mutiny.Uni;

/** The alert episodes, newest first: the keys to open with GET /api/alerts/{key}. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertListResource {

  private static final int MAX_LIMIT = 500;

  private final AlertReadRepository episodes;

  public AlertListResource(AlertReadRepository episodes) {
    this.episodes = episodes;
  }

  @GET
  @Operation(summary = "Alert episodes newest first, firing or resolved (state), at most limit (1 to 500)")
  public Uni<List<EpisodeRow>> alerts(@QueryParam("state") String state,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (state != null && !state.equals("firing") && !state.equals("resolved")) {
      throw new jakarta.ws.rs.BadRequestException("state '" + state + "': expected firing or resolved");
    }
    return episodes.list(state, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }
}
