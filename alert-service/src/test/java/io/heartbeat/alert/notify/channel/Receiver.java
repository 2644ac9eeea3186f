package io.heartbeat.alert.notify.channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/**
 * A real HTTP server on a free local port standing in for one vendor: it records every request as received on the
 * socket and answers what {@code vendor} decides, as the vendor would (accepted, refused with its errors).
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived: header names in lower case, the body's raw bytes. */
  public record Received(String method, String path, Map<String, String> headers, byte[] body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public record Reply(int status, String contentType, String body) {

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain", body);
    }
  }

  private final HttpServer server;
  private final List<Received> received;

  private Receiver(HttpServer server, List<Received> received) {
    this.server = server;
    this.received = received;
  }

  public static Receiver start(Vertx vertx, Function<Received, Reply> vendor) {
    List<Received> log = new CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
      Map<String, String> headers = request.headers().names().stream().collect(Collectors.toMap(
          name -> name.toLowerCase(Locale.ROOT), name -> String.join(",", request.headers().getAll(name)),
          (a, b) -> a + "," + b));
      Received one = new Received(request.method().name(), request.path(), headers, body.getBytes());
      log.add(one);
      Reply reply = vendor.apply(one);
      request.response().setStatusCode(reply.status()).putHeader("content-type", reply.contentType())
          .endAndForget(reply.body());
    })).listen(0, "127.0.0.1").await().atMost(Duration.ofSeconds(10));
    return new Receiver(server, log);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.close().await().atMost(Duration.ofSeconds(10));
  }
}
