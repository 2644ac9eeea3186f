package io.heartbeat.cockpit.stream;

import static io.heartbeat.cockpit.Fixtures.ALERTS;
import static io.heartbeat.cockpit.Fixtures.EVALUATIONS;
import static io.heartbeat.cockpit.Fixtures.REGISTRY;
import static io.heartbeat.cockpit.Fixtures.alertStep;
import static io.heartbeat.cockpit.Fixtures.code;
import static io.heartbeat.cockpit.Fixtures.defined;
import static io.heartbeat.cockpit.Fixtures.evaluation;
import static io.heartbeat.cockpit.Fixtures.metricId;
import static io.heartbeat.cockpit.Fixtures.send;
import static io.heartbeat.cockpit.Fixtures.window;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** /api/stream over a real socket: tile and alert events with ids, and a reconnect that replays what it missed. */
@QuarkusTest
class StreamResourceTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPushTileChangesLiveAndReplayWhatAReconnectingClientMissed() throws Exception {
    String id = metricId("stream");
    send(REGISTRY, id, defined(id, code(), "Messages streamed", Instant.now()));
    try (Subscriber first = Subscriber.open(null)) {
      await().atMost(WAIT).until(() -> first.comments.stream().anyMatch(c -> c.startsWith("heartbeat stream")));
      send(EVALUATIONS, id, evaluation(id, window(3), "green", 91.0, Instant.now()));
      // The definition's own tile (unknown) may come first: the evaluation's is the green one.
      Event tile = await().atMost(WAIT).until(() -> first.find("tile", id), e -> e != null
          && "green".equals(e.data.get("status").asText()));
      long lastSeen = first.events.stream().mapToLong(e -> e.id).max().orElseThrow();

      first.close();
      // Missed while disconnected: a new window turning red and the episode firing.
      send(EVALUATIONS, id, evaluation(id, window(2), "red", 12.0, Instant.now()));
      send(ALERTS, id, alertStep(id, "firing", "red", null, window(2), window(2), Instant.now()));
      try (Subscriber probe = Subscriber.open(lastSeen)) {
        await().atMost(WAIT).until(() -> probe.find("alert", id) != null);
      }

      try (Subscriber resumed = Subscriber.open(lastSeen)) {
        Event red = await().atMost(WAIT).until(() -> resumed.find("tile", id), e -> e != null
            && "red".equals(e.data.get("status").asText()));
        Event firing = await().atMost(WAIT).until(() -> resumed.find("alert", id), e -> e != null);
        assertTrue(red.id > lastSeen && firing.id > lastSeen, "only what was missed");
        assertEquals("firing", firing.data.get("type").asText());
        List<Long> ids = resumed.events.stream().map(e -> e.id).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "replayed in order, none twice: " + ids);
        assertTrue(resumed.events.stream().noneMatch(e -> e.id <= lastSeen), "nothing already seen is sent again");
        // Live again after the replay: a third window arrives on the same connection.
        send(EVALUATIONS, id, evaluation(id, window(1), "amber", 60.0, Instant.now()));
        await().atMost(WAIT).until(() -> resumed.events.stream().anyMatch(e -> e.kind.equals("tile")
            && e.data.get("metricId").asText().equals(id) && "amber".equals(e.data.get("status").asText())));
      }
    }
  }

  @Test
  void shouldRefuseAnUnreadableLastEventId() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(streamUri())
        .header("Last-Event-ID", "yesterday").header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, answer.statusCode());
    assertTrue(answer.body().contains("Last-Event-ID"), answer.body());
  }

  static URI streamUri() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    return URI.create("http://localhost:" + port + "/api/stream");
  }

  record Event(long id, String kind, JsonNode data) {
  }

  /** A client reading the stream on its own thread, line by line, as the SSE format defines it. */
  static final class Subscriber implements AutoCloseable {

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile java.io.InputStream body;

    private Subscriber(Long lastEventId) {
      reader = new Thread(() -> read(lastEventId), "sse-test-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Subscriber open(Long lastEventId) {
      return new Subscriber(lastEventId);
    }

    Event find(String kind, String metricId) {
      Event found = null;
      for (Event e : events) {
        if (e.kind.equals(kind) && metricId.equals(e.data.path("metricId").asText())) {
          found = e;
        }
      }
      return found;
    }

    private void read(Long lastEventId) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(streamUri()).header("Accept", "text/event-stream");
        if (lastEventId != null) {
          request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
            HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        long id = -1;
        String kind = "message";
        List<String> data = new ArrayList<>();
        while ((line = lines.readLine()) != null) {
          if (line.isEmpty()) {
            if (!data.isEmpty()) {
              events.add(new Event(id, kind, JSON.readTree(String.join("\n", data))));
            }
            id = -1;
            kind = "message";
            data.clear();
          } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
          } else if (line.startsWith("id:")) {
            id = Long.parseLong(line.substring(3).trim());
          } else if (line.startsWith("event:")) {
            kind = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
          }
        }
      } catch (Exception e) {
        // closed by the test
      }
    }

    @Override
    public void close() throws Exception {
      if (body != null) {
        body.close();
      }
      reader.interrupt();
    }
  }
}
