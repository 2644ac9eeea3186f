package io.heartbeat.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The notification record: its invariants, and a JSON form that survives the outbox unchanged. */
class NotificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldComeBackFromItsJsonUnchanged() {
    for (Notification notification : List.of(Notifications.firing(), Notifications.updated(),
        Notifications.resolved(), Notifications.stale())) {
      assertEquals(notification, NotificationJson.decode(NotificationJson.encode(notification)));
    }
  }

  @Test
  void shouldWriteWireValuesAndIsoInstants() throws Exception {
    JsonNode json = JSON.readTree(NotificationJson.encode(Notifications.resolved()));

    assertEquals("resolved", json.get("status").asText());
    assertEquals("red", json.get("severity").asText());
    assertEquals("succeeded", json.at("/context/rollback/state").asText());
    assertEquals("2026-05-04T10:00:00Z", json.get("startedAt").asText());
    assertEquals(2520, json.at("/recovery/durationSeconds").asLong());
    assertTrue(json.at("/heartbeat/dimension").isNull(), "the total has a null dimension, written out");
  }

  @Test
  void shouldCarryRecoveryExactlyWhenResolved() {
    Notification resolved = Notifications.resolved();
    Notification firing = Notifications.firing();

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new Notification(
        resolved.episodeKey(), "resolved", Status.RESOLVED, Severity.RED, resolved.heartbeat(), "x", null, null, null,
        null, null, resolved.startedAt(), resolved.occurredAt(), null));
    assertEquals("recovery is set exactly when the status is resolved, not for resolved", missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Notification(firing.episodeKey(), "firing",
        Status.FIRING, Severity.RED, firing.heartbeat(), "x", null, null, null, null, null, firing.startedAt(),
        firing.occurredAt(), resolved.recovery()));
  }

  @Test
  void shouldRefuseWhatNoVendorTakes() {
    Notification firing = Notifications.firing();
    assertThrows(IllegalArgumentException.class, () -> new Notification("k".repeat(256), "firing", Status.FIRING,
        Severity.RED, firing.heartbeat(), "x", null, null, null, null, null, firing.startedAt(), firing.occurredAt(),
        null));
    assertThrows(IllegalArgumentException.class, () -> new Notification(firing.episodeKey(), " ", Status.FIRING,
        Severity.RED, firing.heartbeat(), "x", null, null, null, null, null, firing.startedAt(), firing.occurredAt(),
        null));
    assertThrows(IllegalArgumentException.class, () -> Notifications.withSummary(firing, " "));
  }

  @Test
  void shouldFillAbsentPartsWithEmptyOnes() {
    Notification stale = Notifications.stale();

    assertEquals(Reading.NONE, stale.reading());
    assertEquals(ResponderContext.EMPTY, stale.context());
    assertEquals(List.of(), stale.links());
    assertEquals("customer=acme", stale.heartbeat().series());
  }

  @Test
  void shouldRefuseSomethingThatIsNoNotification() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> NotificationJson.decode("{\"status\":\"paused\"}"));
    assertTrue(error.getMessage().startsWith("not a notification"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Severity.class)
  void shouldReadEachSeverityFromItsWireValue(Severity severity) {
    assertEquals(severity, Severity.fromWire(severity.wire()));
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void shouldReadEachStatusFromItsWireValue(Status status) {
    assertEquals(status, Status.fromWire(status.wire()));
  }
}
