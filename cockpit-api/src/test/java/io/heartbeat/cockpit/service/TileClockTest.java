package io.heartbeat.cockpit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.repository.TileRepository.StoredTile;

/** The cockpit's own clock: a tile nobody judged for two periods plus grace shows stale, with the reason. */
class TileClockTest {

  static final Instant END = Instant.parse("2026-12-06T10:01:00Z");
  static final TileClock CLOCK = new TileClock(config(2, Duration.ofSeconds(30)));

  @Test
  void shouldKeepATileWithinTwoPeriodsAndGraceAndAgeItAfter() {
    StoredTile green = stored(Status.GREEN, END, END.plusSeconds(3));
    assertEquals(Status.GREEN, CLOCK.shown(green, END.plusSeconds(150)).status());
    assertFalse(CLOCK.stale(green, END.plusSeconds(150)));
    Tile aged = CLOCK.shown(green, END.plusSeconds(160));
    assertEquals(Status.STALE, aged.status());
    assertTrue(aged.staleReason().contains("no evaluation for"), aged.staleReason());
    assertTrue(aged.staleReason().contains("alert-service"), aged.staleReason());
    assertNull(CLOCK.shown(green, END.plusSeconds(10)).staleReason());
  }

  @Test
  void shouldNeverHideAWorseStatusAndNeverAgeAnUnknownTile() {
    StoredTile error = stored(Status.ERROR, END, END.plusSeconds(3));
    assertEquals(Status.ERROR, CLOCK.shown(error, END.plusSeconds(3600)).status(), "error outranks stale");
    StoredTile unknown = new StoredTile(tile(Status.UNKNOWN, null, null), Duration.ofMinutes(1), null, null);
    assertEquals(Status.UNKNOWN, CLOCK.shown(unknown, END.plusSeconds(3600)).status());
  }

  @Test
  void shouldCountFromTheLastJudgementWhenAlertServiceKeepsJudgingAStoppedHeartbeat() {
    // alert-service's own stale verdicts keep coming for a window that no longer advances: the judge is alive.
    StoredTile judgedStale = stored(Status.STALE, END, END.plusSeconds(600));
    assertNull(CLOCK.shown(judgedStale, END.plusSeconds(700)).staleReason());
  }

  static StoredTile stored(Status status, Instant windowEnd, Instant evaluatedAt) {
    return new StoredTile(tile(status, windowEnd, evaluatedAt), Duration.ofMinutes(1), "e1", null);
  }

  static Tile tile(Status status, Instant windowEnd, Instant evaluatedAt) {
    return new Tile("m", "MSGS", "Messages", "msg", "1m", "higher_is_better", status, 1.0, "rule", null, null,
        windowEnd == null ? null : windowEnd.minusSeconds(60), windowEnd, evaluatedAt, null, null, null, null,
        "paging", null, null, null, null, null, null);
  }

  static CockpitConfig config(int periods, Duration grace) {
    return new CockpitConfig() {
      public Series series() {
        return null;
      }

      public Stale stale() {
        return new Stale() {
          public int afterPeriods() {
            return periods;
          }

          public Duration grace() {
            return grace;
          }

          public String checkEvery() {
            return "10s";
          }
        };
      }

      public Stream stream() {
        return null;
      }

      public Services services() {
        return null;
      }

      public Mcp mcp() {
        return null;
      }
    };
  }
}
