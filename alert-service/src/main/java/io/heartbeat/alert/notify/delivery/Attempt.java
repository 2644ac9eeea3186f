package io.heartbeat.alert.notify.delivery;

import java.time.Duration;

/**
 * What one attempt got: the HTTP status (null when no answer came: refused, reset, timed out), the receiver's
 * Retry-After (null when absent) and, when it failed, why in a few words that never quote a URL or a secret.
 */
record Attempt(Integer status, Duration retryAfter, String error) {

  boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  static Attempt answered(int status, Duration retryAfter) {
    return new Attempt(status, retryAfter, status >= 200 && status < 300 ? null : "HTTP " + status);
  }

  static Attempt unanswered(String error) {
    return new Attempt(null, null, error);
  }
}
