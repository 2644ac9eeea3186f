package io.heartbeat.cockpit.rest;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Reads of the API (GET and HEAD) need a bearer JWT whose groups hold viewer, operator or admin, unless
 * heartbeat.auth.open-reads opens them (the local demo). /q/health, /q/metrics, /q/openapi and the web page itself
 * (static files) are not resources of this API and never reach this filter; the page's own fetches of /api/tiles do.
 */
public class ReadAccess {

  public static final List<String> READER_ROLES = List.of("viewer", "operator", "admin");

  private final boolean openReads;
  private final CurrentIdentityAssociation identity;

  public ReadAccess(@ConfigProperty(name = "heartbeat.auth.open-reads") boolean openReads,
      CurrentIdentityAssociation identity) {
    this.openReads = openReads;
    this.identity = identity;
  }

  @ServerRequestFilter
  public Uni<Void> requireReader(ContainerRequestContext request) {
    String method = request.getMethod();
    if (openReads || !(method.equals("GET") || method.equals("HEAD"))) {
      return Uni.createFrom().voidItem();
    }
    // The deferred identity verifies the token only now (auth is not proactive), without blocking the event loop;
    // a refused token fails it with AuthenticationFailedException, which ProblemMapper answers with 401.
    return identity.getDeferredIdentity().map(caller -> {
      if (caller.isAnonymous()) {
        throw new UnauthorizedException();
      }
      if (READER_ROLES.stream().noneMatch(caller::hasRole)) {
        throw new ForbiddenException("the token's groups " + caller.getRoles().stream().sorted().toList()
            + " do not allow reads: expected one of " + READER_ROLES);
      }
      return null;
    });
  }
}
