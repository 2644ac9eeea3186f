package io.heartbeat.alert.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Answers every HTTP error as application/problem+json (RFC 9457), never with a stack trace. Authentication failures
 * are mapped before the catch-all: they must not be logged, since a refused token's reason can quote the token.
 */
public class ProblemMapper {

  @ServerExceptionMapper
  public Response mapWebApplication(WebApplicationException exception, UriInfo uriInfo) {
    int status = exception.getResponse().getStatus();
    return respond(problem(status, exception.getMessage(), uriInfo.getPath()));
  }

  @ServerExceptionMapper
  public Response mapMissingToken(UnauthorizedException exception, UriInfo uriInfo) {
    return unauthorized(problem(401, "A bearer token is required: expected 'Authorization: Bearer <JWT>' whose groups"
        + " hold viewer, operator or admin.", uriInfo.getPath()));
  }

  @ServerExceptionMapper
  public Response mapRefusedToken(AuthenticationFailedException exception, UriInfo uriInfo) {
    return unauthorized(problem(401, "The bearer token was refused: expected a JWT signed by the identity provider,"
        + " not expired, from the configured issuer and for the configured audience.", uriInfo.getPath()));
  }

  @ServerExceptionMapper
  public Response mapForbidden(ForbiddenException exception, UriInfo uriInfo) {
    String detail = exception.getMessage() == null || exception.getMessage().isBlank()
        ? "The token's groups do not allow this." : exception.getMessage();
    return respond(problem(403, detail, uriInfo.getPath()));
  }

  @ServerExceptionMapper
  public Response mapUnexpected(Exception exception, UriInfo uriInfo) {
    Log.errorf(exception, "Request failed path=%s", uriInfo.getPath());
    return respond(unexpected(uriInfo.getPath()));
  }

  static Problem problem(int status, String detail, String instance) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem("about:blank", title, status, detail, instance);
  }

  /** The detail of an unexpected failure stays in the log: it may name internals. */
  static Problem unexpected(String instance) {
    return problem(500, "The request could not be completed; the failure is logged.", instance);
  }

  private static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** RFC 6750: a 401 names the scheme the client should use. */
  private static Response unauthorized(Problem problem) {
    return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"heartbeat\"").build();
  }
}
