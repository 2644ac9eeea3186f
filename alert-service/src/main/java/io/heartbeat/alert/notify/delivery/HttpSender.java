package io.heartbeat.alert.notify.delivery;

import java.net.ConnectException;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Makes one attempt: builds the channel's request for this attempt (a webhook signs its time) and sends it with the
 * Vert.x web client, within the channel's own timeout, without blocking the event loop. It never fails: every
 * outcome, answered or not, is an {@link Attempt}. Errors are described by their kind only, since Vert.x messages
 * quote the request's path, which can be the credential (a Slack webhook).
 */
@ApplicationScoped
public class HttpSender {

  private final WebClient client;

  public HttpSender(Vertx vertx) {
    // Pooled connections per host; keep-alive spares each page a TLS handshake with the same vendor.
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(16)
        .setFollowRedirects(false));
  }

  Uni<Attempt> send(Channel channel, Notification notification, Instant attemptAt) {
    ChannelRequest request;
    try {
      request = channel.request(notification, attemptAt);
    } catch (RuntimeException e) {
      return Uni.createFrom().item(Attempt.unanswered("request could not be built: " + e.getClass().getSimpleName()));
    }
    long timeout = channel.timeout().toMillis();
    HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(request.method()), request.uri().toString())
        .timeout(timeout)
        .connectTimeout(timeout);
    request.headers().forEach(http::putHeader);
    return http.sendBuffer(Buffer.buffer(request.body()))
        .map(response -> Attempt.answered(response.statusCode(),
            RetryAfter.parse(response.getHeader("retry-after"), Instant.now())))
        .onFailure().recoverWithItem(e -> Attempt.unanswered(describe(e, timeout)));
  }

  private static String describe(Throwable e, long timeout) {
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return "no answer within " + timeout + " ms";
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
