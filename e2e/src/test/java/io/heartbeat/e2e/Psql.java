package io.heartbeat.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One query through psql as the database administrator (as deploy/test.sh connects), its rows as text. */
final class Psql {

  private Psql() {
  }

  /** Rows separated by newlines, columns by '|' (psql -tAX). */
  static String query(String database, String sql) {
    try {
      Process p = new ProcessBuilder("psql", "-h", System.getenv().getOrDefault("HEARTBEAT_PG_HOST", "127.0.0.1"),
          "-p", System.getenv().getOrDefault("HEARTBEAT_PG_PORT", "5432"), "-U", "postgres", "-d", database,
          "-v", "ON_ERROR_STOP=1", "-qtAX", "-c", sql).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("psql failed: " + out + "\n" + sql);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("psql could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while psql ran", e);
    }
  }

  static long count(String database, String sql) {
    return Long.parseLong(query(database, sql));
  }
}
