package io.heartbeat.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP relay between the service and the real marts database that a test can cut and restore, so "the marts
 * database is unreachable" is a real refused connection, not a mock. The service's marts datasource points at it.
 */
public class MartsProxy implements QuarkusTestResourceLifecycleManager {

  private static volatile MartsProxy running;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private int port;
  private String targetHost;
  private int targetPort;

  @Override
  public Map<String, String> start() {
    targetHost = System.getenv().getOrDefault("HEARTBEAT_PG_HOST", "127.0.0.1");
    targetPort = Integer.parseInt(System.getenv().getOrDefault("HEARTBEAT_PG_PORT", "5432"));
    String database = System.getenv().getOrDefault("HEARTBEAT_MARTS_DB", "heartbeat_marts_test");
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    running = this;
    restore();
    return Map.of("quarkus.datasource.\"marts\".reactive.url", "postgresql://127.0.0.1:" + port + "/" + database);
  }

  @Override
  public void stop() {
    cut();
    running = null;
  }

  /** Refuses new connections and drops every open one, as a database host that went away. */
  public static void cutConnections() {
    running.cut();
  }

  public static void restoreConnections() {
    running.restore();
  }

  private synchronized void cut() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    server = null;
    open.forEach(MartsProxy::closeQuietly);
    open.clear();
  }

  private synchronized void restore() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", port));
      server = s;
      Thread acceptor = new Thread(() -> accept(s), "marts-proxy-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        return; // closed by cut()
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "marts-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
