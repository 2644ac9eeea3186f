package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.compute.model.ObservationError;
import io.vertx.pgclient.PgException;

/**
 * Which failures are the metric's own (published as an error observation) and which are ours (nothing published,
 * the window stays due), and what the error observation then says.
 */
class WindowFailureTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("division by zero", pg("division by zero", "22012"), false, "division by zero", "22012"),
        Arguments.of("statement timeout", pg("canceling statement due to statement timeout", "57014"), false,
            "canceling statement due to statement timeout", "57014"),
        Arguments.of("read-only", pg("cannot execute INSERT in a read-only transaction", "25006"), false,
            "cannot execute INSERT in a read-only transaction", "25006"),
        Arguments.of("permission", pg("permission denied for schema heartbeat", "42501"), false,
            "permission denied for schema heartbeat", "42501"),
        Arguments.of("connection lost", pg("terminating connection", "08006"), true, null, null),
        Arguments.of("server shutting down", pg("terminating connection due to administrator command", "57P01"), true,
            null, null),
        Arguments.of("too many connections", pg("sorry, too many clients already", "53300"), true, null, null),
        Arguments.of("marts database missing", pg("database \"heartbeat_marts\" does not exist", "3D000"), true,
            null, null),
        Arguments.of("login refused", pg("password authentication failed", "28P01"), true, null, null),
        Arguments.of("refused socket", new ConnectException("Connection refused"), true, null, null),
        Arguments.of("client timeout", new TimeoutException("value_sql did not answer within 10s"), false,
            "value_sql did not answer within 10s", null),
        Arguments.of("Infinity", new NumberFormatException("Infinity"), false,
            "value_sql returned Infinity or -Infinity as value", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void shouldTellMetricsErrorFromOurs(String name, Throwable failure, boolean ours, String message, String sqlState) {
    assertEquals(ours, WindowComputation.isTransient(failure), name);
    if (!ours) {
      assertEquals(new ObservationError(message, sqlState), WindowComputation.errorOf(failure), name);
    }
  }

  private static PgException pg(String message, String sqlState) {
    return new PgException(message, "ERROR", sqlState, null);
  }
}
