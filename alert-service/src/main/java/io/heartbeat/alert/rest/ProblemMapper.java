package io.heartbeat.alert.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** Answers every HTTP error as application/problem+json (RFC 9457), never with a stack trace. */
public class ProblemMapper {

  @ServerExceptionMapper
  public Response mapWebApplication(WebApplicationException exception, UriInfo uriInfo) {
    int status = exception.getResponse().getStatus();
    return respond(problem(status, exception.getMessage(), uriInfo.getPath()));
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
}
