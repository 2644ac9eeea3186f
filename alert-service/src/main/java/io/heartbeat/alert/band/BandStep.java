package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.Optional;

/**
 * One observation judged by the band as it stood before learning the value.
 *
 * @param band the band, or null while the band is still warming up
 * @param deviation signed distance from expected in standard deviations (0 while warming up)
 * @param model the seasonal model that set the band (null while warming up)
 */
public record BandStep(Instant windowStart, double value, Band band, double deviation, Model model) {

  public Optional<Band> judged() {
    return Optional.ofNullable(band);
  }

  /** Where the value lies; empty while warming up (the status is then unknown, never anomalous). */
  public Optional<Position> position() {
    return band == null ? Optional.empty() : Optional.of(band.position(value));
  }
}
