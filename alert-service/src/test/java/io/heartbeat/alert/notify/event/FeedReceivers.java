package io.heartbeat.alert.notify.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.heartbeat.alert.notify.channel.Receiver;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.heartbeat.alert.notify.channel.webhook.SpecReceiver;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.mutiny.core.Vertx;

/**
 * Two real receivers started before alert-service: "pages", a generic webhook (signatures checked per the Standard
 * Webhooks specification), whose replies a test scripts per metric so a page is retried, and "hooks", a deploy
 * tool's rollback endpoint that accepts every signed call.
 */
public class FeedReceivers implements QuarkusTestResourceLifecycleManager {

  static Receiver pages;
  static Receiver hooks;
  private static final Map<String, Deque<Reply>> SCRIPTS = new ConcurrentHashMap<>();

  private Vertx vertx;

  /** The next pages whose body names metricId get these replies, in order; then 204 again. */
  static void script(String metricId, Reply... replies) {
    SCRIPTS.put(metricId, new ArrayDeque<>(List.of(replies)));
  }

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    WebhookSecret pagesSecret = WebhookSecret.generate();
    WebhookSecret rollbackSecret = WebhookSecret.generate();
    SpecReceiver pageCheck = new SpecReceiver(Clock.systemUTC(), pagesSecret.serialized());
    SpecReceiver hookCheck = new SpecReceiver(Clock.systemUTC(), rollbackSecret.serialized());
    pages = Receiver.start(vertx, request -> {
      Reply verified = pageCheck.receive(request);
      if (verified.status() != 204) {
        return verified;
      }
      String body = new String(request.body(), StandardCharsets.UTF_8);
      for (Map.Entry<String, Deque<Reply>> script : SCRIPTS.entrySet()) {
        if (body.contains(script.getKey())) {
          Reply scripted = script.getValue().poll();
          if (scripted != null) {
            return scripted;
          }
        }
      }
      return verified;
    });
    hooks = Receiver.start(vertx, hookCheck::receive);
    String routes = """
        version: 1
        page_stages: [paging]
        receivers:
          - {name: pages, kind: webhook, url: "%s", secret_env: TEST_FEED_PAGES_SECRET, timeout: 2s}
        routes:
          - match: {team: feed-team}
            receivers: [pages]
        """.formatted(pages.uri("/pages"));
    try {
      Path file = Files.createTempFile("routes-feed-", ".yaml");
      Files.writeString(file, routes);
      file.toFile().deleteOnExit();
      return Map.of("heartbeat.notify.routes-file", file.toString(),
          "TEST_FEED_PAGES_SECRET", pagesSecret.serialized(),
          "heartbeat.rollback.secret", rollbackSecret.serialized());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    pages.close();
    hooks.close();
    vertx.closeAndAwait();
  }
}
