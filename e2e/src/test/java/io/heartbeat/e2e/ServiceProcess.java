package io.heartbeat.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service started as a real operating-system process on a free port. */
final class ServiceProcess implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private ServiceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(String name, Map<String, String> env, Path logs) throws IOException {
    return start(name, env, logs, name);
  }

  /** The same service again (a restart), logging to logs/logName.log. */
  static ServiceProcess start(String name, Map<String, String> env, Path logs, String logName) throws IOException {
    return start(name, env, logs, logName, freePort());
  }

  /** On a given port: a service others were told the address of, or one restarted where it was. */
  static ServiceProcess start(String name, Map<String, String> env, Path logs, String logName, int port)
      throws IOException {
    Path jar = Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the whole reactor (mvn verify from the root)");
    }
    Files.createDirectories(logs);
    Path log = logs.resolve(logName + ".log");
    List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC",
        "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new ServiceProcess(name, port, log, builder.start());
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Resident set size in MiB, read from /proc (Linux). */
  long rssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
