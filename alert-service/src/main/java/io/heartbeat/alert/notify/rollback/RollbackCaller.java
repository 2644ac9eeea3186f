package io.heartbeat.alert.notify.rollback;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.deploy.RollbackUrl;
import io.heartbeat.alert.notify.RollbackSettings;
import io.heartbeat.alert.notify.delivery.RetryAfter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Calls one rollback hook once: POST of the stored message, signed at this attempt's time, within the configured
 * timeout. Never fails: every outcome is a {@link HookCall}. Errors name their kind only; the URL is a capability.
 */
@ApplicationScoped
public class RollbackCaller {

  private final WebClient client;
  private final RollbackSigning signing;
  private final long timeoutMs;

  public RollbackCaller(Vertx vertx, RollbackSigning signing, RollbackSettings settings) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    this.signing = signing;
    this.timeoutMs = settings.timeout().toMillis();
  }

  Uni<HookCall> call(RollbackUrl hook, String message, Instant at) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    HttpRequest<Buffer> request = client.postAbs(hook.reveal()).timeout(timeoutMs).connectTimeout(timeoutMs)
        .putHeader("content-type", "application/json")
        .putHeader("user-agent", "Heartbeat-Rollback/1");
    try {
      signing.headers(RollbackMessage.idOf(message), at, body).forEach(request::putHeader);
    } catch (RuntimeException e) {
      return Uni.createFrom().item(new HookCall(null, null, "could not sign: " + e.getClass().getSimpleName()));
    }
    return request.sendBuffer(Buffer.buffer(body))
        .map(response -> new HookCall(response.statusCode(),
            RetryAfter.parse(response.getHeader("retry-after"), Instant.now()), null))
        .onFailure().recoverWithItem(e -> new HookCall(null, null, describe(e)));
  }

  private String describe(Throwable e) {
    if (e.getClass().getSimpleName().contains("Timeout")) {
      return "no answer within " + timeoutMs + " ms";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return "request failed: " + e.getClass().getSimpleName();
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
