package io.heartbeat.registry.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the marts database answered for one sync: for each name looked up, every function of that name the reader's
 * search path (or the named schema) holds; a name without any is absent. role and searchPath are the session's.
 */
public record Catalog(String role, String searchPath, Map<FunctionName, List<Overload>> functions) {

  /** One pg_proc row: signature as regprocedure, provolatile (i, s, v), prokind (f, a, w, p), EXECUTE allowed. */
  public record Overload(String signature, char volatility, char kind, boolean executable) {

    public boolean isVolatile() {
      return volatility == 'v';
    }
  }

  public List<Overload> overloads(FunctionName name) {
    return functions.getOrDefault(name, List.of());
  }
}
