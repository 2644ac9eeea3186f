package io.heartbeat.registry.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.MetricDefinitionEvent;
import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.service.DefinitionSync;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Reads the registry as the events describe it, lists file problems, and triggers a sync. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

  private final MetricRegistryRepository repository;
  private final DefinitionSync sync;

  public RegistryResource(MetricRegistryRepository repository, DefinitionSync sync) {
    this.repository = repository;
    this.sync = sync;
  }

  @GET
  @Path("/metrics")
  public Uni<List<MetricDefinitionEvent>> metrics() {
    return repository.findAll().map(rows -> rows.stream().filter(r -> !r.state().equals("removed"))
        .map(sync::toEvent).toList());
  }

  @GET
  @Path("/metrics/{id}")
  public Uni<MetricDefinitionEvent> metric(@PathParam("id") String id) {
    return repository.find(id).map(row -> {
      if (row == null || row.state().equals("removed")) {
        throw new NotFoundException("no metric '" + id + "' in the registry");
      }
      return sync.toEvent(row);
    });
  }

  @GET
  @Path("/registry/problems")
  public Uni<List<DefinitionProblem>> problems() {
    return repository.findAll().map(rows -> {
      List<DefinitionProblem> all = new ArrayList<>();
      rows.stream().filter(r -> r.state().equals("invalid")).forEach(r -> all.addAll(sync.toEvent(r).problems()));
      return all;
    });
  }

  @POST
  @Path("/registry/sync")
  @Blocking
  public SyncReport syncNow() {
    return sync.sync();
  }
}
