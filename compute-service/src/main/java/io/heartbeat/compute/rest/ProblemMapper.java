package io.heartbeat.compute.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.heartbeat.compute.backfill.BackfillRejected;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every HTTP error as application/problem+json (RFC 9457); a 500 never carries a stack trace. */
public class ProblemMapper {

  public static final String PROBLEM_JSON = "application/problem+json";

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    return problem(status, e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response backfillRejected(BackfillRejected e, UriInfo uri) {
    return problem(e.status(), e.getMessage(), uri);
  }

  // MismatchedInputException named too: Quarkus' own mapper for it would otherwise answer plain JSON.
  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
  public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
    return problem(400, "the body is not valid JSON for this request: " + e.getOriginalMessage(), uri);
  }

  // Never logged: a refused token's reason can quote the token.
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    Response problem = problem(401, "a valid bearer token is required: expected 'Authorization: Bearer <JWT>', signed by "
        + "the identity provider, not expired, from the configured issuer and for the configured audience", uri);
    // RFC 6750: a 401 names the scheme the client should use.
    return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer realm=\"heartbeat\"").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    String detail = e.getMessage() == null || e.getMessage().isBlank()
        ? "the token's roles do not allow this: expected operator or admin" : e.getMessage();
    return problem(403, detail, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    Log.errorf(e, "request failed path=%s", uri.getPath());
    return problem(500, "The server could not handle the request; see its log.", uri);
  }

  private static Response problem(int status, String detail, UriInfo uri) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = status == 422 ? "Unprocessable Content" : known == null ? "HTTP " + status
        : known.getReasonPhrase();
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(new Problem("about:blank", title, status, detail, uri.getPath()))
        .build();
  }
}
