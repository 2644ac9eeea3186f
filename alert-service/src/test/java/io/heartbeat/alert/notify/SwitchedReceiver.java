package io.heartbeat.alert.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.heartbeat.alert.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A real webhook receiver on a fixed local port whose state a test switches, as an outage would: answering (204,
 * or what a test scripted for a metric), down (the server closed: connection refused), or overloaded (503). It
 * records every request that reached it with the status it answered and the webhook payload's notification.
 */
public final class SwitchedReceiver {

  /** One request as it arrived: when (wall time), what it answered, and the notification it carried. */
  public record Received(Instant at, int answered, JsonNode notification) {

    public String episodeKey() {
      return notification.path("episodeKey").asText();
    }

    public String step() {
      return notification.path("step").asText();
    }

    public String metricId() {
      return notification.at("/heartbeat/metricId").asText();
    }

    /** The receiver an own alert (heartbeat_notify) is about; empty for any other page. */
    public String aboutReceiver() {
      return metricId().equals("heartbeat_notify") ? notification.at("/heartbeat/dimension/value").asText() : "";
    }

    public boolean delivered() {
      return answered >= 200 && answered < 300;
    }
  }

  public final String name;
  private final Vertx vertx;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
  private volatile int status = 204;
  private volatile int port;
  private HttpServer http;

  private SwitchedReceiver(Vertx vertx, String name) {
    this.vertx = vertx;
    this.name = name;
  }

  /** Listening on a free port, answering 204. */
  public static SwitchedReceiver start(Vertx vertx, String name) {
    SwitchedReceiver receiver = new SwitchedReceiver(vertx, name);
    receiver.listen();
    receiver.port = receiver.http.actualPort();
    return receiver;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/" + name;
  }

  /** Closes the server: attempts now get connection refused. */
  public synchronized void refuse() {
    if (http != null) {
      http.close().toCompletionStage().toCompletableFuture().join();
      http = null;
    }
  }

  /** Listening again (on the same port) and answering 503 Service Unavailable, without Retry-After. */
  public synchronized void unavailable() {
    status = 503;
    listen();
  }

  /** Listening again and answering 204 (or what a test scripted). */
  public synchronized void answer() {
    status = 204;
    listen();
  }

  /** The next requests about metricId (the marker anywhere in the body) get these statuses, in order. */
  public void script(String metricId, Integer... statuses) {
    scripts.put(metricId, new ArrayDeque<>(List.of(statuses)));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> about(String metricId) {
    return received.stream().filter(r -> r.metricId().equals(metricId)).toList();
  }

  /** The own alerts (heartbeat_notify) this receiver got about another one. */
  public List<Received> ownAlertsAbout(String receiver) {
    return received.stream().filter(r -> r.aboutReceiver().equals(receiver)).toList();
  }

  private void listen() {
    if (http != null) {
      return;
    }
    http = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
      String body = buffer.toString(StandardCharsets.UTF_8);
      int answer = next(body);
      received.add(new Received(Instant.now(), answer, notification(body)));
      request.response().setStatusCode(answer).end();
    })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
  }

  private int next(String body) {
    for (var script : scripts.entrySet()) {
      if (body.contains(script.getKey())) {
        Integer scripted = script.getValue().poll();
        if (scripted != null) {
          return scripted;
        }
      }
    }
    return status;
  }

  private static JsonNode notification(String body) {
    try {
      return Fixtures.JSON.readTree(body).path("data");
    } catch (JsonProcessingException e) {
      throw new AssertionError("not a webhook payload: " + body, e);
    }
  }

  /** Waits at most this long for a close; the JVM ends with the run. */
  public static void close(Vertx vertx, Duration patience) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // A slow close must not fail the run.
    }
  }
}
