package io.heartbeat.compute.backfill;

/** A backfill request that cannot be accepted; {@code status} is the HTTP status it answers with. */
public class BackfillRejected extends RuntimeException {

  private final int status;

  public BackfillRejected(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
