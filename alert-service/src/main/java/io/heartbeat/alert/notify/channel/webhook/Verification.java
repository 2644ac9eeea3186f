package io.heartbeat.alert.notify.channel.webhook;

/** The outcome of verifying a signed webhook: valid, or the first reason it is not. */
public enum Verification {
  VALID,
  /** webhook-id, webhook-timestamp or webhook-signature is absent. */
  MISSING_HEADER,
  /** webhook-timestamp is not whole seconds since the epoch. */
  BAD_TIMESTAMP,
  /** Signed longer ago than the tolerance: possibly a replay. */
  TOO_OLD,
  /** Signed further ahead than the tolerance: a clock that cannot be trusted. */
  TOO_NEW,
  /** No v1 signature in the header matches any known secret: tampered, or signed with another secret. */
  NO_MATCHING_SIGNATURE;

  public boolean valid() {
    return this == VALID;
  }
}
