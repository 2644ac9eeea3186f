package io.heartbeat.registry.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.heartbeat.registry.service.EditRejected;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.logging.Log;

/** Every HTTP error leaves as application/problem+json; unexpected failures never leak a stack trace. */
public class ProblemMapper {

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, @Context UriInfo uri) {
    int status = e.getResponse().getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return problem(status, title, e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response editRejected(EditRejected e, @Context UriInfo uri) {
    Response.Status known = Response.Status.fromStatusCode(e.status());
    String title = e.status() == 422 ? "Unprocessable Content" : e.status() == 428 ? "Precondition Required"
        : known == null ? "HTTP " + e.status() : known.getReasonPhrase();
    return problem(e.status(), title, e.getMessage(), uri, e.field());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, @Context UriInfo uri) {
    return problem(401, "Unauthorized", "a bearer token is required: expected 'Authorization: Bearer <JWT>'", uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, @Context UriInfo uri) {
    return problem(403, "Forbidden", "the token's roles do not allow this: expected operator or admin", uri);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, @Context UriInfo uri) {
    Log.errorf(e, "request failed path=%s", uri.getPath());
    return problem(500, "Internal Server Error", "the request failed inside registry-service; see its log", uri);
  }

  static Response problem(int status, String title, String detail, UriInfo uri) {
    return problem(status, title, detail, uri, null);
  }

  static Response problem(int status, String title, String detail, UriInfo uri, String field) {
    return Response.status(status).type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), field)).build();
  }
}
