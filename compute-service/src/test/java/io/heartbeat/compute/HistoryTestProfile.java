package io.heartbeat.compute;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * History switched on (as it ships) for the tests about it, over one day of windows (compute.history.max-days) in
 * chunk statements of 500 windows, so a test sees several statements and several chunks within seconds.
 */
public class HistoryTestProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("compute.history.enabled", "true", "compute.history.max-days", "1",
        "compute.history.chunk-windows", "500");
  }
}
