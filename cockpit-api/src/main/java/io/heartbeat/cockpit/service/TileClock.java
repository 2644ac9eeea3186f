package io.heartbeat.cockpit.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.heartbeat.cockpit.repository.TileRepository.StoredTile;

/**
 * Ages tiles by the cockpit's own clock. alert-service calls a heartbeat stale when observations stop; but when
 * alert-service itself stops, nobody tells the cockpit, and a tile that never ages would stay green on the wall. So a
 * tile whose last evaluation is older than after-periods periods (plus grace for compute's settle delay) shows stale,
 * with the reason, until evaluations arrive again.
 */
@ApplicationScoped
public class TileClock {

  private final CockpitConfig config;

  public TileClock(CockpitConfig config) {
    this.config = config;
  }

  /** The tile as the cockpit shows it at now. */
  public Tile shown(StoredTile stored, Instant now) {
    Instant last = lastHeard(stored);
    if (last == null) {
      return stored.tile();
    }
    Duration silence = Duration.between(last, now);
    if (silence.compareTo(limit(stored)) <= 0) {
      return stored.tile();
    }
    return stored.tile().stale(String.format(
        "no evaluation for %s (more than %d periods of %s): alert-service or compute-service may have stopped;"
            + " last window ended %s", words(silence), config.stale().afterPeriods(), stored.tile().period(),
        stored.tile().windowEnd()));
  }

  /** True when the cockpit clock calls the tile stale at now. */
  public boolean stale(StoredTile stored, Instant now) {
    Instant last = lastHeard(stored);
    return last != null && Duration.between(last, now).compareTo(limit(stored)) > 0;
  }

  private Duration limit(StoredTile stored) {
    return stored.period().multipliedBy(config.stale().afterPeriods()).plus(config.stale().grace());
  }

  /**
   * The newer of the last window's end and the last judgement: a heartbeat alert-service itself judges stale keeps
   * being judged (its windows do not advance, its evaluations do), so that tile is not the cockpit's to age.
   */
  private static Instant lastHeard(StoredTile stored) {
    Tile t = stored.tile();
    if (t.windowEnd() == null || t.status() == Status.UNKNOWN) {
      return null;
    }
    return t.evaluatedAt() != null && t.evaluatedAt().isAfter(t.windowEnd()) ? t.evaluatedAt() : t.windowEnd();
  }

  private static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return s / 60 + " min";
    }
    return s / 3600 + " h";
  }
}
