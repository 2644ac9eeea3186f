package io.heartbeat.alert.bench;

import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The baseline: a bare POST loop with the client the shipped sender uses (a Vert.x web client with HttpSender's
 * options, on alert-service's own Vert.x), sending one real page's bytes and headers to the same receiver. Each
 * request is timed from send to answer; no outbox, no judging, no scheduling.
 */
final class PostLoop implements AutoCloseable {

  private final WebClient client;
  private final String url;
  private final PageReceivers.Sample sample;

  PostLoop(Vertx vertx, String url, PageReceivers.Sample sample) {
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(16)
        .setFollowRedirects(false));
    this.url = url;
    this.sample = sample;
  }

  /** Sends requests POSTs with at most concurrency in flight; the items are each request's nanoseconds. */
  long[] run(int requests, int concurrency) {
    List<Long> nanos = Multi.createFrom().range(0, requests)
        .onItem().transformToUni(i -> post()).merge(concurrency)
        .collect().asList()
        .await().indefinitely();
    return nanos.stream().mapToLong(Long::longValue).toArray();
  }

  private Uni<Long> post() {
    HttpRequest<Buffer> request = client.postAbs(url).timeout(10_000);
    sample.headers().forEach((name, value) -> {
      if (name.startsWith("webhook-") || name.equals("content-type")) {
        request.putHeader(name, value);
      }
    });
    return Uni.createFrom().item(System::nanoTime)
        .chain(t0 -> request.sendBuffer(Buffer.buffer(sample.body())).map(response -> {
          if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("baseline POST answered " + response.statusCode());
          }
          return System.nanoTime() - t0;
        }));
  }

  @Override
  public void close() {
    client.close();
  }
}
