package io.heartbeat.registry.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.heartbeat.registry.catalog.CatalogUnavailable;
import io.heartbeat.registry.folder.RemovalRefused;
import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.service.DefinitionSync;
import io.heartbeat.registry.service.RegistryEvents;
import io.heartbeat.registry.service.StartupSync;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The metric files' problems, a sync on demand, and an admin's confirmation of removals a sync held. */
@Path("/api/registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

  /** A confirmation: the digest of the pending removals the admin reviewed. */
  public record Confirmation(String digest) {
  }

  /**
   * RFC 9457 problem detail of a sync that did not apply everything, with extension members: the folder-level
   * problems (file:line:field), the removals held and their digest, and the sync's report when it ran.
   */
  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SyncProblem(String type, String title, int status, String detail, String instance,
      List<DefinitionProblem> problems, SyncReport.PendingRemovals pendingRemovals, SyncReport report) {
  }

  private static final int CATALOG_RETRY_SECONDS = 15;
  private final MetricRegistryRepository repository;
  private final DefinitionSync sync;
  private final StartupSync retries;
  private final RegistryEvents events;
  private final JsonWebToken jwt;

  public RegistryResource(MetricRegistryRepository repository, DefinitionSync sync, StartupSync retries,
      RegistryEvents events, JsonWebToken jwt) {
    this.repository = repository;
    this.sync = sync;
    this.retries = retries;
    this.events = events;
    this.jwt = jwt;
  }

  /** Every invalid file's problems, and the folder's own when the last sync was refused, held or deferred. */
  @GET
  @Path("/problems")
  public Uni<List<DefinitionProblem>> problems() {
    List<DefinitionProblem> standing = sync.standingProblems();
    return repository.findAll().map(rows -> {
      List<DefinitionProblem> all = new ArrayList<>(standing);
      rows.stream().filter(r -> r.state().equals("invalid")).forEach(r -> all.addAll(events.toEvent(r).problems()));
      return all;
    });
  }

  /** 200 with the report; 409 problem+json when the folder was refused or removals were held. */
  @POST
  @Path("/sync")
  @Blocking
  public Response syncNow(@Context UriInfo uri) {
    return answer(sync.sync(), uri);
  }

  /** The removals the last sync held (204 when none). */
  @GET
  @Path("/removals")
  public Response pendingRemovals() {
    SyncReport.PendingRemovals pending = sync.pendingRemovals();
    return pending == null ? Response.noContent().build() : Response.ok(pending).build();
  }

  /** Applies exactly the held removals the digest names; admin only, audited with the admin's name. */
  @POST
  @Path("/removals/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Blocking
  public Response confirmRemovals(Confirmation confirmation, @Context UriInfo uri) {
    if (!jwt.getGroups().contains("admin")) {
      return problem(403, "Forbidden", "the token's groups " + jwt.getGroups() + " may not confirm removals: "
          + "expected admin", uri, null, null, null);
    }
    if (confirmation == null || confirmation.digest() == null || confirmation.digest().isBlank()) {
      return problem(422, "Unprocessable Content", "no digest: expected {\"digest\": \"...\"} as shown by "
          + "GET /api/registry/removals or the held sync's problem", uri, null, sync.pendingRemovals(), null);
    }
    return answer(sync.confirmRemovals(confirmation.digest().trim(), jwt.getName()), uri);
  }

  @ServerExceptionMapper
  public Response removalRefused(RemovalRefused e, @Context UriInfo uri) {
    return problem(409, "Conflict", e.getMessage(), uri, null, e.pending(), null);
  }

  @ServerExceptionMapper
  public Response catalogUnavailable(CatalogUnavailable e, @Context UriInfo uri) {
    // Someone asked for this sync; make sure it happens once the marts database answers again.
    retries.retryInBackground();
    Response problem = problem(503, "Service Unavailable", e.getMessage() + ": nothing changed, the last good "
        + "definitions stay in force; the sync is retried in the background", uri, sync.standingProblems(), null, null);
    return Response.fromResponse(problem).header("Retry-After", CATALOG_RETRY_SECONDS).build();
  }

  private static Response answer(SyncReport report, UriInfo uri) {
    return switch (report.outcome()) {
      case APPLIED -> Response.ok(report).build();
      case HELD -> problem(409, "Conflict", report.problems().get(report.problems().size() - 1).message(), uri,
          null, report.pendingRemovals(), report);
      case REFUSED -> problem(409, "Conflict", report.problems().get(0).message(), uri, report.problems(), null, null);
    };
  }

  private static Response problem(int status, String title, String detail, UriInfo uri,
      List<DefinitionProblem> problems, SyncReport.PendingRemovals pending, SyncReport report) {
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(new SyncProblem("about:blank", title, status,
        detail, uri == null ? null : uri.getPath(), problems, pending, report)).build();
  }
}
