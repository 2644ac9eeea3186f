package io.heartbeat.registry.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.service.DefinitionSync;
import io.heartbeat.registry.service.RegistryEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The metric files' problems, and a sync on demand. */
@Path("/api/registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

  private final MetricRegistryRepository repository;
  private final DefinitionSync sync;
  private final RegistryEvents events;

  public RegistryResource(MetricRegistryRepository repository, DefinitionSync sync, RegistryEvents events) {
    this.repository = repository;
    this.sync = sync;
    this.events = events;
  }

  @GET
  @Path("/problems")
  public Uni<List<DefinitionProblem>> problems() {
    return repository.findAll().map(rows -> {
      List<DefinitionProblem> all = new ArrayList<>();
      rows.stream().filter(r -> r.state().equals("invalid")).forEach(r -> all.addAll(events.toEvent(r).problems()));
      return all;
    });
  }

  @POST
  @Path("/sync")
  @Blocking
  public SyncReport syncNow() {
    return sync.sync();
  }
}
