package io.heartbeat.cockpit.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.heartbeat.cockpit.model.Problem;
import io.quarkus.logging.Log;

/** Answers every error as RFC 9457 application/problem+json; a 500 never carries internals. */
public class ProblemMapper {

  private static final String TYPE = "about:blank";

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    return problem(status, e.getMessage(), uri);
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
}
