package io.heartbeat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A vendor's endpoint on 127.0.0.1, on a real socket: a PagerDuty Events API v2 enqueue (dedup_key + event_action
 * is the idempotency key, the routing key must be the integration's) or a generic Standard Webhooks receiver (the
 * webhook-id is the key; the signature is verified with the secret it shares with alert-service, the body against
 * docs/events/webhook.v1.json). Every request is recorded when it arrives, before it is answered, so one whose
 * sender was killed before the answer still counts, and it may be held for a while before the answer, as a slow
 * vendor does. The first path segment names the instance that sent it (each instance's routes file points there).
 */
final class PageReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request as it arrived, in arrival order (seq) at this receiver.
   *
   * @param key the vendor's idempotency key: webhook-id, or dedup_key|event_action
   * @param action trigger/resolve (PagerDuty) or firing/updated/resolved (the webhook's data.status)
   * @param problem why it is not an authentic, valid page (null when it is)
   */
  record Arrival(long seq, String sender, String key, String episodeKey, String action, String problem,
      Headers headers, byte[] body) {

    boolean trigger() {
      return "trigger".equals(action) || "firing".equals(action);
    }

    boolean resolve() {
      return "resolve".equals(action) || "resolved".equals(action);
    }
  }

  /** Reads one request into an arrival; a problem makes the receiver answer as the vendor would refuse it. */
  private interface Reader {
    Arrival read(long seq, String sender, Headers headers, byte[] body) throws IOException;
  }

  final String kind;
  private final Reader reader;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "page-receiver");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong seq = new AtomicLong();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
  private volatile Duration hold = Duration.ZERO;
  private volatile CountDownLatch released = new CountDownLatch(0);

  private PageReceiver(String kind, Reader reader) throws IOException {
    this.kind = kind;
    this.reader = reader;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static PageReceiver pagerDuty(String routingKey) throws IOException {
    return new PageReceiver("pagerduty", (seq, sender, headers, body) -> {
      JsonNode event = JSON.readTree(body);
      String dedupKey = event.path("dedup_key").asText(null);
      String action = event.path("event_action").asText(null);
      JsonNode payload = event.path("payload");
      String problem = null;
      if (!routingKey.equals(event.path("routing_key").asText())) {
        problem = "routing_key is not the integration's";
      } else if (dedupKey == null || !List.of("trigger", "resolve").contains(action)) {
        problem = "dedup_key or event_action (trigger, resolve) missing";
      } else if ("trigger".equals(action) && (payload.path("summary").asText("").isEmpty()
          || payload.path("source").asText("").isEmpty() || payload.path("severity").asText("").isEmpty())) {
        problem = "a trigger needs payload.summary, payload.source and payload.severity";
      }
      return new Arrival(seq, sender, dedupKey + "|" + action, dedupKey, action, problem, headers, body);
    });
  }

  static PageReceiver webhook(String secret) throws IOException {
    return new PageReceiver("webhook", (seq, sender, headers, body) -> {
      String id = headers.getFirst("webhook-id");
      String problem = WebhookSignature.problem(secret, id, headers.getFirst("webhook-timestamp"),
          headers.getFirst("webhook-signature"), body, Instant.now());
      JsonNode event = JSON.readTree(body);
      if (problem == null) {
        String invalid = EventContracts.problems(EventContracts.WEBHOOK, event);
        problem = invalid.isEmpty() ? null : EventContracts.WEBHOOK + ": " + invalid;
      }
      if (problem == null && !event.path("id").asText().equals(id)) {
        problem = "body id " + event.path("id").asText() + " is not the webhook-id " + id;
      }
      JsonNode data = event.path("data");
      return new Arrival(seq, sender, id, data.path("episodeKey").asText(null), data.path("status").asText(null),
          problem, headers, body);
    });
  }

  /** The URL alert-service instance {@code sender} is given for this receiver. */
  String url(String sender) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + sender
        + ("pagerduty".equals(kind) ? "/v2/enqueue" : "/hooks/heartbeat");
  }

  /** From now on every request is answered only after this long (or when {@link #answerAtOnce()} is called). */
  void holdAnswers(Duration duration) {
    released = new CountDownLatch(1);
    hold = duration;
  }

  /** Answers held requests now, and every later one at once. */
  void answerAtOnce() {
    hold = Duration.ZERO;
    released.countDown();
  }

  /** Requests from this sender being held right now: its attempts in flight. */
  int holding(String sender) {
    AtomicInteger count = held.get(sender);
    return count == null ? 0 : count.get();
  }

  List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath();
      String sender = path.length() > 1 ? path.substring(1).split("/")[0] : "";
      long n = seq.incrementAndGet();
      Arrival arrival;
      try {
        arrival = reader.read(n, sender, exchange.getRequestHeaders(), body);
      } catch (IOException | RuntimeException e) {
        arrival = new Arrival(n, sender, "unreadable:" + n, null, null, "unreadable request: " + e, exchange
            .getRequestHeaders(), body);
      }
      arrivals.add(arrival);
      Duration wait = hold;
      CountDownLatch latch = released;
      if (!wait.isZero()) {
        AtomicInteger count = held.computeIfAbsent(sender, s -> new AtomicInteger());
        count.incrementAndGet();
        try {
          latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          count.decrementAndGet();
        }
      }
      answer(exchange, arrival);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange, Arrival arrival) {
    try {
      if (arrival.problem() != null) {
        // As the vendors refuse it: PagerDuty 400 for an invalid event, a webhook receiver 401 for a bad signature.
        byte[] text = arrival.problem().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders("pagerduty".equals(kind) ? 400 : 401, text.length);
        exchange.getResponseBody().write(text);
      } else if ("pagerduty".equals(kind)) {
        byte[] accepted = JSON.writeValueAsBytes(Map.of("status", "success", "message", "Event processed",
            "dedup_key", arrival.episodeKey()));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, accepted.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(accepted);
        }
      } else {
        exchange.sendResponseHeaders(204, -1);
      }
    } catch (IOException e) {
      // The sender is gone (killed while its request was held): nobody reads this answer.
    }
  }

  @Override
  public void close() {
    answerAtOnce();
    server.stop(0);
    threads.shutdownNow();
  }
}
