package io.heartbeat.alert.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.deploy.Cursor;
import io.heartbeat.alert.deploy.Deployment;
import io.heartbeat.alert.deploy.DeploymentReader;
import io.heartbeat.alert.deploy.DeploymentRepository;
import io.heartbeat.alert.deploy.DeploymentService;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * Deployments: CI/CD records one (role deployer or admin; 201 new, 200 the same again, 409 the same id with other
 * fields), readers list them per service. Reads go through ReadAccess like every GET.
 */
@Path("/api/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

  static final int MAX_LIMIT = 200;
  static final List<String> WRITER_ROLES = List.of("deployer", "admin");

  private final DeploymentService service;
  private final DeploymentRepository deployments;
  private final ObjectMapper mapper;

  public DeploymentResource(DeploymentService service, DeploymentRepository deployments, ObjectMapper mapper) {
    this.service = service;
    this.deployments = deployments;
    this.mapper = mapper;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"deployer", "admin"})
  @Operation(summary = "Record a deployment (service, version, environment, started_at, finished_at, commit, author,"
      + " rollback_url); idempotent by sha256(service|environment|version|started_at)")
  public Uni<Response> record(String body, @Context UriInfo uri) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the body, which may hold the rollback URL.
      throw new BadRequestException("the body is not JSON" + (e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()));
    }
    DeploymentReader.Parsed parsed = DeploymentReader.read(json, DeploymentReader.Naming.API,
        service.clock().instant());
    if (!parsed.valid()) {
      throw new DeploymentRejected(parsed.problems());
    }
    Deployment deployment = parsed.deployment();
    return service.recordAndPublish(deployment).map(outcome -> switch (outcome) {
      case CREATED -> Response.created(uri.getAbsolutePathBuilder().path(deployment.id()).build())
          .entity(DeploymentView.of(deployment)).build();
      case UNCHANGED -> Response.ok(DeploymentView.of(deployment)).build();
      case CONFLICTING -> conflict(deployment, uri);
    });
  }

  @GET
  @Operation(summary = "Deployments newest first (finished_at, then id), of one service and environment or all;"
      + " pass the page's next as cursor for the following page")
  public Uni<DeploymentPage> list(@QueryParam("service") String service,
      @QueryParam("environment") String environment, @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("cursor") String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor)
        .orElseThrow(() -> new BadRequestException("cursor is not one this API gave: pass a page's next as is"));
    // One row more than asked tells whether a next page exists without a second query.
    return deployments.list(blankToNull(service), blankToNull(environment), after, limit + 1).map(found -> {
      List<Deployment> page = found.size() > limit ? found.subList(0, limit) : found;
      String next = found.size() > limit ? Cursor.after(page.get(page.size() - 1)).encode() : null;
      return new DeploymentPage(page.stream().map(DeploymentView::of).toList(), next);
    });
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One deployment; rollback says whether it has a rollback hook, never the hook itself")
  public Uni<DeploymentView> deployment(@PathParam("id") String id) {
    return deployments.find(id).map(found -> {
      if (found == null) {
        throw new NotFoundException("no deployment " + id);
      }
      return DeploymentView.of(found);
    });
  }

  @ServerExceptionMapper
  public Response mapRejected(DeploymentRejected rejected, UriInfo uri) {
    return Response.status(422).type(Problem.MEDIA_TYPE).entity(new ValidationProblem("about:blank",
        "Unprocessable Content", 422, rejected.getMessage(), uri.getPath(), rejected.problems())).build();
  }

  // Quarkus' own @RolesAllowed refusal carries no message: say which roles may record a deployment.
  @ServerExceptionMapper
  public Response mapForbidden(ForbiddenException exception, UriInfo uri) {
    String detail = exception.getMessage() == null || exception.getMessage().isBlank()
        ? "the token's groups do not allow recording deployments: expected one of " + WRITER_ROLES
        : exception.getMessage();
    return Response.status(403).type(Problem.MEDIA_TYPE)
        .entity(ProblemMapper.problem(403, detail, uri.getPath())).build();
  }

  private static Response conflict(Deployment deployment, UriInfo uri) {
    return Response.status(409).type(Problem.MEDIA_TYPE).entity(ProblemMapper.problem(409, "deployment "
        + deployment.id() + " is recorded with other fields: the same service, environment, version and started_at"
        + " must describe the same deployment (record a new deploy with its own started_at or version)",
        uri.getPath())).build();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
