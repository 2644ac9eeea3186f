package io.heartbeat.compute.service;

/** value_sql returned more than compute reads (a row, or a history chunk, over its byte limit); the message names it. */
public final class ResultTooLarge extends RuntimeException {

  public ResultTooLarge(String message) {
    super(message, null, false, false);
  }
}
