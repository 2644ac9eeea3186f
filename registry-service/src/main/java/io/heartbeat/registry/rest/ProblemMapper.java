package io.heartbeat.registry.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.heartbeat.registry.service.EditRejected;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every HTTP error leaves as application/problem+json; unexpected failures never leak a stack trace, and an
 * authentication failure never echoes the token or the verifier's reason (which can quote its claims).
 */
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
    List<Problem.FieldError> errors = e.problems().isEmpty() ? null
        : e.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList();
    return problem(e.status(), title, e.getMessage(), uri, e.field(), errors);
  }

  @ServerExceptionMapper
  public Response missingToken(UnauthorizedException e, @Context UriInfo uri) {
    return unauthorized("a bearer token is required: expected 'Authorization: Bearer <JWT>' whose groups hold "
        + "viewer, operator or admin", uri);
  }

  @ServerExceptionMapper
  public Response refusedToken(AuthenticationFailedException e, @Context UriInfo uri) {
    return unauthorized("the bearer token was refused: expected a JWT signed by the identity provider, not expired, "
        + "from the configured issuer and for the configured audience", uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, @Context UriInfo uri) {
    // ReadAccess says which roles a read needs; Quarkus' own @RolesAllowed check carries no message.
    String detail = e.getMessage() == null || e.getMessage().isBlank()
        ? "the token's groups do not allow this: expected operator or admin" : e.getMessage();
    return problem(403, "Forbidden", detail, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, @Context UriInfo uri) {
    Log.errorf(e, "request failed path=%s", uri.getPath());
    return problem(500, "Internal Server Error", "the request failed inside registry-service; see its log", uri);
  }

  private static Response unauthorized(String detail, UriInfo uri) {
    // RFC 6750: a 401 names the scheme the client should use.
    return Response.fromResponse(problem(401, "Unauthorized", detail, uri))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"heartbeat\"").build();
  }

  static Response problem(int status, String title, String detail, UriInfo uri) {
    return problem(status, title, detail, uri, null, null);
  }

  static Response problem(int status, String title, String detail, UriInfo uri, String field,
      List<Problem.FieldError> errors) {
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail,
        uri == null ? null : uri.getPath(), field, errors)).build();
  }
}
