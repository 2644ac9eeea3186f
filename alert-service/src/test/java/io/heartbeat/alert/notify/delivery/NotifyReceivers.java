package io.heartbeat.alert.notify.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.heartbeat.alert.notify.channel.webhook.Verification;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.heartbeat.alert.notify.channel.webhook.WebhookVerifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Real HTTP receivers for the delivery tests, started before alert-service so the routes file can name their
 * ports: "hook" (a Standard Webhooks receiver that verifies every signature with WebhookVerifier), "slack",
 * "pager" (PagerDuty-shaped) and "dead" (accepts the connection and never answers). Each answers 2xx unless a
 * test scripted replies for a metric (matched in the body). The secrets reach the service as configuration
 * properties named like the environment variables the routes file names.
 */
public class NotifyReceivers implements QuarkusTestResourceLifecycleManager {

  static final WebhookSecret HOOK_SECRET = WebhookSecret.generate();
  static final String PAGER_KEY = "0123456789abcdef0123456789abcdef";

  static Server hook;
  static Server slack;
  static Server pager;
  static Server dead;

  private Vertx vertx;

  /** A reply a test scripted: the status and an optional Retry-After header. */
  record Reply(int status, String retryAfter) {
  }

  /** One request as it arrived, with when and whether its webhook signature verified. */
  record Received(Instant at, Map<String, String> headers, String body, Verification verification) {
  }

  static final class Server {
    final String name;
    final int ok;
    final boolean answers;
    final WebhookVerifier verifier;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    HttpServer http;

    Server(String name, int ok, boolean answers, WebhookVerifier verifier) {
      this.name = name;
      this.ok = ok;
      this.answers = answers;
      this.verifier = verifier;
    }

    /** The next requests whose body mentions metricId get these replies, in order; then 2xx again. */
    void script(String metricId, Reply... replies) {
      scripts.put(metricId, new ArrayDeque<>(List.of(replies)));
    }

    /**
     * The requests whose page is about metricId: its own heartbeat, not one naming it among the other heartbeats
     * failing now (webhook data.heartbeat.metricId, PagerDuty custom_details.metric_id, Slack's text line).
     */
    List<Received> about(String metricId) {
      return received.stream().filter(r -> metricId.equals(subject(r.body()))
          || subject(r.body()) == null && r.body().contains(metricId)).toList();
    }

    private static String subject(String body) {
      try {
        var page = io.heartbeat.alert.Fixtures.JSON.readTree(body);
        for (String path : List.of("/data/heartbeat/metricId", "/payload/custom_details/metric_id")) {
          if (page.at(path).isTextual()) {
            return page.at(path).asText();
          }
        }
        if (page.path("text").isTextual()) {
          String text = page.get("text").asText();
          int start = text.indexOf("Test ");
          return start < 0 ? null : text.substring(start + 5).split("[^a-z0-9_]", 2)[0];
        }
        return null;
      } catch (java.io.IOException notJson) {
        return null;
      }
    }

    String url(String path) {
      return "http://127.0.0.1:" + http.actualPort() + path;
    }
  }

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    hook = listen(new Server("hook", 204, true, new WebhookVerifier(List.of(HOOK_SECRET))));
    slack = listen(new Server("slack", 200, true, null));
    pager = listen(new Server("pager", 202, true, null));
    dead = listen(new Server("dead", 200, false, null));
    String routes = """
        version: 1
        page_stages: [paging]
        receivers:
          - {name: hook, kind: webhook, url: "%s", secret_env: TEST_NOTIFY_HOOK_SECRET, timeout: 2s}
          - {name: slack, kind: slack, url_env: TEST_NOTIFY_SLACK_URL, timeout: 2s}
          - {name: pager, kind: pagerduty, url: "%s", secret_env: TEST_NOTIFY_PAGER_KEY, timeout: 2s}
          - {name: dead, kind: webhook, url: "%s", secret_env: TEST_NOTIFY_HOOK_SECRET, timeout: 20s}
        routes:
          - match: {team: notify-team}
            receivers: [hook, slack, pager]
          - match: {team: notify-hook}
            receivers: [hook]
          - match: {team: notify-dead}
            receivers: [dead, hook]
        """.formatted(hook.url("/hook"), pager.url("/v2/enqueue"), dead.url("/dead"));
    try {
      Path file = Files.createTempFile("routes-", ".yaml");
      Files.writeString(file, routes);
      file.toFile().deleteOnExit();
      return Map.of("heartbeat.notify.routes-file", file.toString(),
          "TEST_NOTIFY_HOOK_SECRET", HOOK_SECRET.serialized(),
          "TEST_NOTIFY_SLACK_URL", slack.url("/services/T000/B000/not-a-real-token"),
          "TEST_NOTIFY_PAGER_KEY", PAGER_KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Server listen(Server server) {
    server.http = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
      Map<String, String> headers = new ConcurrentHashMap<>();
      request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      String body = buffer.toString(StandardCharsets.UTF_8);
      Verification verification = server.verifier == null ? null
          : server.verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
              headers.get("webhook-signature"), buffer.getBytes(), Instant.now());
      server.received.add(new Received(Instant.now(), headers, body, verification));
      if (!server.answers) {
        return;
      }
      Reply reply = next(server, body);
      if (verification != null && !verification.valid()) {
        reply = new Reply(401, null);
      }
      var response = request.response().setStatusCode(reply.status());
      if (reply.retryAfter() != null) {
        response.putHeader("retry-after", reply.retryAfter());
      }
      response.end();
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    return server;
  }

  private static Reply next(Server server, String body) {
    for (var script : server.scripts.entrySet()) {
      if (body.contains(script.getKey())) {
        synchronized (script.getValue()) {
          Reply reply = script.getValue().poll();
          if (reply != null) {
            return reply;
          }
        }
      }
    }
    return new Reply(server.ok, null);
  }

  @Override
  public void stop() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The JVM ends with the test run; a slow close must not fail it.
    }
  }
}
