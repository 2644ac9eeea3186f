package io.heartbeat.alert.notify.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try again: the initial delay doubled per failed attempt up to the maximum, with equal jitter (half fixed,
 * half random) so receivers recovering from an outage are not hit by every instance's retries at the same instant.
 * A Retry-After from the receiver (429, 503) wins over the computed delay: it said when it can take more. The outbox
 * adds delays to the service clock (DeliveryLog), so a scaled clock scales a Retry-After like the rest. Pure.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The delay after the attempts-th failed attempt (1 for the first). */
  public Duration after(int attempts, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long cap = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
    cap = Math.min(Math.max(cap, 0), max.toMillis());
    long half = cap / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (cap - half)));
  }
}
