package io.heartbeat.alert.notify.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.heartbeat.alert.notify.channel.Receiver;
import io.heartbeat.alert.notify.channel.Receiver.Received;
import io.heartbeat.alert.notify.channel.Receiver.Reply;
import io.heartbeat.alert.notify.channel.webhook.SpecReceiver;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.mutiny.core.Vertx;

/**
 * Two real receivers started before alert-service: "pages", a generic webhook receiving every page, and "hooks", a
 * deploy tool's rollback endpoint (one path per test deploy). Both check every signature with the Standard
 * Webhooks receiver written from the specification (SpecReceiver), each with its own secret, and answer 401 to a
 * bad one. A test scripts the hook's replies per path; unscripted requests are accepted.
 */
public class RollbackReceivers implements QuarkusTestResourceLifecycleManager {

  static final WebhookSecret PAGES_SECRET = WebhookSecret.generate();
  static final WebhookSecret ROLLBACK_SECRET = WebhookSecret.generate();

  static Receiver pages;
  static Receiver hooks;
  static final Map<String, Deque<Reply>> SCRIPTS = new ConcurrentHashMap<>();

  private Vertx vertx;

  /** The next calls of this hook path get these replies, in order; then 200 again. */
  static void script(String path, Reply... replies) {
    SCRIPTS.put(path, new ArrayDeque<>(List.of(replies)));
  }

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    SpecReceiver pageCheck = new SpecReceiver(Clock.systemUTC(), PAGES_SECRET.serialized());
    SpecReceiver hookCheck = new SpecReceiver(Clock.systemUTC(), ROLLBACK_SECRET.serialized());
    pages = Receiver.start(vertx, pageCheck::receive);
    hooks = Receiver.start(vertx, request -> {
      Reply verified = hookCheck.receive(request);
      if (verified.status() != 204) {
        return verified;
      }
      Deque<Reply> script = SCRIPTS.get(request.path());
      Reply scripted = script == null ? null : script.poll();
      return scripted != null ? scripted : Reply.json(200, "{\"accepted\":true}");
    });
    String routes = """
        version: 1
        page_stages: [paging, verified, unverified]
        receivers:
          - {name: pages, kind: webhook, url: "%s", secret_env: TEST_ROLLBACK_PAGES_SECRET, timeout: 2s}
        routes:
          - match: {team: rollback-team}
            receivers: [pages]
        """.formatted(pages.uri("/pages"));
    try {
      Path file = Files.createTempFile("routes-rollback-", ".yaml");
      Files.writeString(file, routes);
      file.toFile().deleteOnExit();
      return Map.of("heartbeat.notify.routes-file", file.toString(),
          "TEST_ROLLBACK_PAGES_SECRET", PAGES_SECRET.serialized(),
          "heartbeat.rollback.secret", ROLLBACK_SECRET.serialized());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Received> hookCalls(String path) {
    return hooks.received().stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void stop() {
    pages.close();
    hooks.close();
    vertx.closeAndAwait();
  }
}
