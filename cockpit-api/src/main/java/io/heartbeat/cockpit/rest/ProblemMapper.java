package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.heartbeat.cockpit.model.Problem;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Answers every error as RFC 9457 application/problem+json; a 500 never carries internals. Authentication failures
 * are mapped before the catch-all: they must not be logged, since a refused token's reason can quote the token.
 */
public class ProblemMapper {

  private static final String TYPE = "about:blank";

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    return problem(status, e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response missingToken(UnauthorizedException e, UriInfo uri) {
    return unauthorized("A bearer token is required: expected 'Authorization: Bearer <JWT>' whose groups hold viewer,"
        + " operator or admin.", uri);
  }

  @ServerExceptionMapper
  public Response refusedToken(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized("The bearer token was refused: expected a JWT signed by the identity provider, not expired,"
        + " from the configured issuer and for the configured audience.", uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    String detail = e.getMessage() == null || e.getMessage().isBlank() ? "The token's groups do not allow this."
        : e.getMessage();
    return problem(403, detail, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    Log.errorf(e, "request failed path=%s", uri.getRequestUri().getPath());
    return problem(500, "The cockpit could not answer this request; the service log has the cause.", uri);
  }

  private static Response problem(int status, String detail, UriInfo uri) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    Problem body = new Problem(TYPE, title, status, detail, uri.getRequestUri().getPath());
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }

  /** RFC 6750: a 401 names the scheme the client should use. */
  private static Response unauthorized(String detail, UriInfo uri) {
    return Response.fromResponse(problem(401, detail, uri))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"heartbeat\"").build();
  }
}
