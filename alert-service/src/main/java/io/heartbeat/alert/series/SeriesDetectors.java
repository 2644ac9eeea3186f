package io.heartbeat.alert.series;

import io.heartbeat.alert.band.BadSide;
import io.heartbeat.alert.band.Breach;
import io.heartbeat.alert.band.Detector;
import io.heartbeat.alert.band.DetectorSettings;
import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.Direction;

/**
 * Builds a series' anomaly detector from its metric's anomaly settings and direction, through the same
 * {@link DetectorSettings} the NAB benchmark uses, so what is scored is what runs. Null when the band is disabled.
 */
public final class SeriesDetectors {

  private SeriesDetectors() {
  }

  public static DetectorSettings settings(int periodSeconds, Direction direction, Anomaly anomaly) {
    BadSide bad = direction == Direction.HIGHER_IS_BETTER ? BadSide.LOW : BadSide.HIGH;
    return new DetectorSettings(periodSeconds, bad, anomaly.sensitivity(), anomaly.minHistoryWindows(),
        anomaly.triggerWindows(), anomaly.within(), anomaly.recoveryWindows(), anomaly.changePercent(),
        anomaly.changeAbsolute());
  }

  public static Detector create(int periodSeconds, Direction direction, Anomaly anomaly) {
    return anomaly.enabled() ? Detector.start(settings(periodSeconds, direction, anomaly)) : null;
  }

  /** The detector as saved; no bytes give a new one, unreadable bytes throw IllegalArgumentException. */
  public static Detector restore(int periodSeconds, Direction direction, Anomaly anomaly, byte[] band,
      Breach breach) {
    if (!anomaly.enabled()) {
      return null;
    }
    if (band == null) {
      return create(periodSeconds, direction, anomaly);
    }
    return Detector.restore(settings(periodSeconds, direction, anomaly), band, breach);
  }
}
