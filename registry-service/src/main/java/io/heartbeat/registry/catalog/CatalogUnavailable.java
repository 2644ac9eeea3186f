package io.heartbeat.registry.catalog;

/** The marts database did not answer the function lookup: nothing can be judged, so nothing may change. */
public class CatalogUnavailable extends RuntimeException {

  public CatalogUnavailable(Throwable cause) {
    super("the marts database did not answer the function lookup: " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " " + message.lines().findFirst().orElse(""));
  }
}
