package io.heartbeat.compute.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** Every HTTP error as application/problem+json (RFC 9457); a 500 never carries a stack trace. */
public class ProblemMapper {

  public static final String PROBLEM_JSON = "application/problem+json";

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    return problem(status, e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    Log.errorf(e, "request failed path=%s", uri.getPath());
    return problem(500, "The server could not handle the request; see its log.", uri);
  }

  private static Response problem(int status, String detail, UriInfo uri) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(new Problem("about:blank", title, status, detail, uri.getPath()))
        .build();
  }
}
