package io.heartbeat.alert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.notify.channel.webhook.Verification;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.heartbeat.alert.notify.channel.webhook.WebhookVerifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The benchmark's receivers, real Vert.x HTTP servers on 127.0.0.1 in their own Vert.x instance (as an outside
 * receiver would be), started before alert-service so the routes file can name their ports: "quick" answers at
 * once and serves the receivers alone and fast; "slow" answers 2 s after the page arrived. A page is held when its
 * whole body has arrived; each server verifies every signature (Standard Webhooks) and notes when it held which
 * metric's page. Requests to /baseline get the same work and answer but are not pages.
 */
public class PageReceivers implements QuarkusTestResourceLifecycleManager {

  static final WebhookSecret SECRET = WebhookSecret.generate();
  static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

  static Server quick;
  static Server slow;

  private Vertx vertx;

  /** When a page was held: nanoTime (for latencies in this JVM) and wall clock (against PostgreSQL's times). */
  record Held(long nanos, long epochMillis) {
  }

  /** One page as it arrived, kept for the baseline loop to send the same bytes with the same headers. */
  record Sample(Map<String, String> headers, byte[] body) {
  }

  static final class Server {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Duration answerAfter;
    private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET));
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicReference<Sample> sample = new AtomicReference<>();
    final AtomicInteger invalid = new AtomicInteger();
    final AtomicInteger baselineRequests = new AtomicInteger();
    HttpServer http;

    Server(String name, Duration answerAfter) {
      this.name = name;
      this.answerAfter = answerAfter;
    }

    /** When the page about metricId arrived at path (/alone, /fast, /slow), or null. */
    Held held(String path, String metricId) {
      return held.get(path + "|" + metricId);
    }

    Sample sample() {
      return sample.get();
    }

    String url(String path) {
      return "http://127.0.0.1:" + http.actualPort() + path;
    }

    void handle(HttpServerRequest request, Buffer buffer) {
      Held at = new Held(System.nanoTime(), System.currentTimeMillis());
      Map<String, String> headers = new ConcurrentHashMap<>();
      request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      byte[] body = buffer.getBytes();
      Verification verification = verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
          headers.get("webhook-signature"), body, Instant.now());
      String metricId = metricId(body);
      if (request.path().equals("/baseline")) {
        baselineRequests.incrementAndGet();
      } else {
        if (!verification.valid() || metricId == null) {
          invalid.incrementAndGet();
        }
        held.putIfAbsent(request.path() + "|" + metricId, at);
        sample.compareAndSet(null, new Sample(Map.copyOf(headers), body));
      }
      if (answerAfter.isZero()) {
        request.response().setStatusCode(204).end();
      } else {
        request.response().setStatusCode(204);
        // A timer, not a sleep: the slow receiver keeps accepting pages while each waits for its answer.
        Vertx.currentContext().owner().setTimer(answerAfter.toMillis(), id -> request.response().end());
      }
    }

    private static String metricId(byte[] body) {
      try {
        JsonNode id = JSON.readTree(body).at("/data/heartbeat/metricId");
        return id.isTextual() ? id.asText() : null;
      } catch (IOException e) {
        return null;
      }
    }
  }

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    quick = listen(new Server("quick", Duration.ZERO));
    slow = listen(new Server("slow", SLOW_ANSWER));
    // Every episode of team bench-alone goes to one receiver; every one of bench-pair to a fast and a slow one.
    String routes = """
        version: 1
        page_stages: [paging]
        receivers:
          - {name: alone, kind: webhook, url: "%s", secret_env: BENCH_PAGE_SECRET, timeout: 10s}
          - {name: fast, kind: webhook, url: "%s", secret_env: BENCH_PAGE_SECRET, timeout: 10s}
          - {name: slow, kind: webhook, url: "%s", secret_env: BENCH_PAGE_SECRET, timeout: 10s}
        routes:
          - match: {team: bench-alone}
            receivers: [alone]
          - match: {team: bench-pair}
            receivers: [fast, slow]
        """.formatted(quick.url("/alone"), quick.url("/fast"), slow.url("/slow"));
    try {
      Path file = Files.createTempFile("page-latency-routes-", ".yaml");
      Files.writeString(file, routes);
      file.toFile().deleteOnExit();
      return Map.of("heartbeat.notify.routes-file", file.toString(), "BENCH_PAGE_SECRET", SECRET.serialized());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Server listen(Server server) {
    server.http = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(buffer -> server.handle(request, buffer)))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    return server;
  }

  @Override
  public void stop() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The JVM ends with the run; a slow close must not fail it.
    }
  }
}
