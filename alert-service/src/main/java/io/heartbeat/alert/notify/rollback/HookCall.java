package io.heartbeat.alert.notify.rollback;

import java.time.Duration;

/**
 * What one call of a rollback hook got: the HTTP status (null without an answer), the hook's Retry-After, and why it
 * failed in words that never quote the URL. A 2xx succeeded; another 4xx (the hook refused this deploy: unknown
 * version, already rolled back by hand) is final; no answer, 408, 429 and 5xx are tried again.
 */
record HookCall(Integer status, Duration retryAfter, String error) {

  boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  boolean retryable() {
    return status == null || status == 408 || status == 429 || status >= 500;
  }

  String describe() {
    return succeeded() ? "the rollback hook answered HTTP " + status
        : status == null ? "the rollback hook did not answer: " + error : "the rollback hook answered HTTP " + status;
  }
}
