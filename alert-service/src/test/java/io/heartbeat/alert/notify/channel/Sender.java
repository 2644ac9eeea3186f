package io.heartbeat.alert.notify.channel;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends a channel's request over a real socket with the Vert.x web client, as the delivery worker will: the
 * method, URI, headers and body bytes exactly as built, within the channel's timeout.
 */
public final class Sender implements AutoCloseable {

  public record Response(int status, Map<String, String> headers, String body) {
  }

  private final WebClient client;

  public Sender(Vertx vertx) {
    this.client = WebClient.create(vertx);
  }

  public Response send(ChannelRequest request, Duration timeout) {
    HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(request.method()), request.uri().toString())
        .timeout(timeout.toMillis());
    request.headers().forEach(http::putHeader);
    HttpResponse<Buffer> response = http.sendBuffer(Buffer.buffer(request.body()))
        .await().atMost(timeout.plusSeconds(5));
    Map<String, String> headers = response.headers().names().stream()
        .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), name -> response.headers().get(name),
            (a, b) -> a));
    return new Response(response.statusCode(), headers, response.bodyAsString());
  }

  public Response send(Channel channel, ChannelRequest request) {
    return send(request, channel.timeout());
  }

  @Override
  public void close() {
    client.close();
  }
}
