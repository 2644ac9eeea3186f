package io.heartbeat.alert.notify.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.channel.Wording;

/** How an outage of one receiver is told: the key, the words, the link, and the resolve's recovery. */
class OwnAlertTest {

  private static final Instant OPENED = Instant.parse("2026-06-01T10:00:00Z");
  private static final Outage OUTAGE = new Outage(OwnAlert.key("pager", "row-1"), "pager", "episode/1", 1,
      "no answer within 10000 ms, given up after PT1H", List.of("hook", "slack"), OPENED);
  private final OwnAlert alerts = new OwnAlert("https://alerts.example.com/");

  @Test
  void shouldKeyAnOutageByItsReceiverAndFirstFailedPage() {
    assertEquals("heartbeat-notify:pager:" + EventId.of("row-1"), OwnAlert.key("pager", "row-1"));
    assertEquals(OwnAlert.key("pager", "row-1"), OwnAlert.key("pager", "row-1"));
  }

  @Test
  void shouldTellWhoCannotBePagedHowManyPagesAndTheLastError() {
    Notification trigger = alerts.trigger(OUTAGE, 3, OPENED);

    assertEquals(OUTAGE.episodeKey(), trigger.episodeKey());
    assertEquals("firing", trigger.step());
    assertEquals(Status.FIRING, trigger.status());
    assertEquals(Severity.RED, trigger.severity());
    assertEquals("heartbeat_notify", trigger.heartbeat().metricId());
    assertEquals(new Dimension("receiver", "pager"), trigger.heartbeat().dimension());
    assertEquals("[RED] HBNT Heartbeat notifications (receiver=pager): Heartbeat could not page pager: 1 page given"
        + " up, 3 more waiting; last error: no answer within 10000 ms, given up after PT1H",
        Wording.headline(trigger));
    assertEquals("https://alerts.example.com/api/alerts/episode%2F1/deliveries", trigger.links().get(0).href());
    assertNull(trigger.recovery());
  }

  @Test
  void shouldResolveWithHowLongItLastedAndHowManyPagesWereLost() {
    Outage closed = new Outage(OUTAGE.episodeKey(), "pager", "episode/1", 7, "HTTP 503", OUTAGE.notified(), OPENED);
    Notification resolve = alerts.resolve(closed, OPENED.plusSeconds(600));

    assertEquals("resolved", resolve.step());
    assertEquals(Status.RESOLVED, resolve.status());
    assertEquals(OPENED, resolve.startedAt());
    assertEquals(600, resolve.recovery().durationSeconds());
    assertEquals(0.0, resolve.recovery().slaMinutes());
    assertEquals("Heartbeat pages pager again; 7 pages given up meanwhile, last error: HTTP 503", resolve.summary());
  }
}
