package io.heartbeat.cockpit.mcp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** alert-service's SLA ledger as GET /api/slas/{name} answers it, recording the Authorization header of each call. */
public class AlertServiceStub implements QuarkusTestResourceLifecycleManager {

  /** The Authorization header of every call, "" when there was none. */
  static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/api/slas/", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      AUTHORIZATIONS.add(auth == null ? "" : auth);
      String name = exchange.getRequestURI().getPath().substring("/api/slas/".length());
      // The shape of alert-service's sla.SlaReport.
      byte[] body = ("{\"sla\": \"" + name + "\", \"from\": \"2026-12-01T00:00:00Z\", \"to\": \"2026-12-06T14:00:00Z\","
          + " \"targetPercent\": 99.9, \"availabilityPercent\": 99.95, \"downtimeMinutes\": 21.5,"
          + " \"unmeasuredMinutes\": 3.0, \"incidents\": [], \"unmeasured\": [], \"errorBudget\": {\"month\":"
          + " \"2026-12\", \"allowedMinutes\": 43.2, \"usedMinutes\": 21.5, \"remainingMinutes\": 21.7,"
          + " \"remainingPercent\": 50.2}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return Map.of("cockpit.services.alert-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
