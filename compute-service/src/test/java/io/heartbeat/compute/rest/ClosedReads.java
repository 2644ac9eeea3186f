package io.heartbeat.compute.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The prod profile's auth: reads need a token. */
public class ClosedReads implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("heartbeat.auth.open-reads", "false");
  }
}
