package io.heartbeat.cockpit.client;

import java.net.URI;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.Problem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Passes a request through to the service that owns the answer (registry-service for definitions, edits, stage moves
 * and audit; alert-service for SLA reports) with the caller's own token: the owner decides who may do what and audits
 * who did it, so the cockpit never acts with rights of its own. Its answer, errors included, is returned as it came.
 */
@ApplicationScoped
public class PassThrough {

  /** Response headers worth passing back: the rest (connection, length) belong to the hop. */
  private static final Set<String> KEPT = Set.of("content-type", "etag", "www-authenticate", "retry-after");

  private final WebClient client;
  private final CockpitConfig config;

  public PassThrough(Vertx vertx, CockpitConfig config) {
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setFollowRedirects(false));
    this.config = config;
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public enum Owner { REGISTRY, ALERT }

  /** Sends the request to the owner and answers with its status, kept headers and body. */
  public Uni<Response> send(Owner owner, HttpMethod method, String path, String authorization, String ifMatch,
      String contentType, byte[] body) {
    return call(owner, method, path, authorization, ifMatch, contentType, body).map(PassThrough::relay)
        .onFailure().recoverWithItem(failure -> unavailable(owner, path, failure));
  }

  /** Sends the request to the owner; fails when it does not answer. */
  public Uni<HttpResponse<Buffer>> call(Owner owner, HttpMethod method, String path, String authorization,
      String ifMatch, String contentType, byte[] body) {
    String base = owner == Owner.REGISTRY ? config.services().registryUrl() : config.services().alertUrl();
    URI uri = URI.create(base + path);
    HttpRequest<Buffer> request = client.requestAbs(method, uri.toString())
        .timeout(config.services().timeout().toMillis());
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (ifMatch != null) {
      request.putHeader("If-Match", ifMatch);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    request.putHeader("Accept", "application/json, application/problem+json");
    return body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
  }

  private static Response relay(HttpResponse<Buffer> answer) {
    Response.ResponseBuilder relayed = Response.status(answer.statusCode());
    answer.headers().forEach(h -> {
      if (KEPT.contains(h.getKey().toLowerCase())) {
        relayed.header(h.getKey(), h.getValue());
      }
    });
    Buffer body = answer.body();
    if (body != null && body.length() > 0) {
      relayed.entity(body.getBytes());
    }
    return relayed.build();
  }

  /** The 503 problem for an owner that did not answer. */
  public static Response unavailable(Owner owner, String path, Throwable failure) {
    String service = owner == Owner.REGISTRY ? "registry-service" : "alert-service";
    // The failure names host and port at most; never the request's headers (the caller's token).
    Log.warnf("pass-through to %s failed path=%s cause=%s", service, path, failure.getClass().getSimpleName());
    return Response.status(503).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Service Unavailable", 503,
        service + " did not answer (" + failure.getClass().getSimpleName() + "); this request is " + service
            + "'s to answer, try again shortly", path)).header("Retry-After", "5").build();
  }
}
