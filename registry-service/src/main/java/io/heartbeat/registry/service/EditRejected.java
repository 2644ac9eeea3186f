package io.heartbeat.registry.service;

/** An operator edit refused, with the HTTP status and the field at fault, so the caller can fix the request. */
public class EditRejected extends RuntimeException {

  private final int status;
  private final String field;

  public EditRejected(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
