package io.heartbeat.cockpit.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heartbeat.cockpit.rest.ReadAccess;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The rule of rest/ReadAccess for /mcp, whose routes are the MCP extension's own and never pass JAX-RS filters: a
 * bearer JWT whose groups hold viewer, operator or admin, unless heartbeat.auth.open-reads opens reads. Applied by
 * the quarkus.http.auth.permission.mcp paths in application.properties; an anonymous caller denied here gets the JWT
 * mechanism's 401 challenge, a token without a reader group 403, a bad token 401.
 */
@ApplicationScoped
public class McpReadAccess implements HttpSecurityPolicy {

  static final String NAME = "heartbeat-readers";

  private final boolean openReads;

  public McpReadAccess(@ConfigProperty(name = "heartbeat.auth.open-reads") boolean openReads) {
    this.openReads = openReads;
  }

  @Override
  public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
      AuthorizationRequestContext context) {
    if (openReads) {
      return CheckResult.permit();
    }
    return identity.map(caller -> !caller.isAnonymous() && ReadAccess.READER_ROLES.stream().anyMatch(caller::hasRole)
        ? CheckResult.PERMIT : CheckResult.DENY);
  }

  /**
   * A refused token (expired, wrongly signed) fails the request, and the MCP extension answers the failure itself with
   * 401 and a JSON-RPC error but no challenge; RFC 6750 (and MCP clients looking for how to authenticate) want one.
   */
  void challengeRefusedTokens(@Observes Router router) {
    router.route("/mcp*").order(Integer.MIN_VALUE).failureHandler(request -> {
      for (Throwable t = request.failure(); t != null; t = t.getCause()) {
        if (t instanceof AuthenticationFailedException) {
          request.response().putHeader("WWW-Authenticate", "Bearer");
          break;
        }
      }
      request.next();
    });
  }

  @Override
  public String name() {
    return NAME;
  }
}
