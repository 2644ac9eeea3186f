package io.heartbeat.alert.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rollback hooks are accepted, and that nothing but the origin is ever shown. */
class RollbackUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "https://deploy.example.com/rollback/42?token=abc | https://deploy.example.com",
      "https://deploy.example.com:8443/r                 | https://deploy.example.com:8443",
      "http://localhost:9000/rollback                    | http://localhost:9000",
      "http://127.0.0.1/rollback                         | http://127.0.0.1",
      "http://[::1]:81/r                                 | http://[::1]:81"})
  void shouldAcceptHttpsAndLocalHttpShowingOnlyTheOrigin(String text, String origin) {
    RollbackUrl url = RollbackUrl.parse(text).url().orElseThrow();
    assertEquals(origin, url.origin());
    assertEquals(text, url.reveal());
    assertEquals(origin + "/…", url.toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "http://deploy.example.com/rollback            | must use https (plain http only for localhost or 127.0.0.1)",
      "http://localhost.example.com/rollback         | must use https (plain http only for localhost or 127.0.0.1)",
      "ftp://deploy.example.com/rollback             | must use https",
      "HTTP://deploy.example.com/rollback            | must use https",
      "/rollback                                     | must be an absolute https URL with a host",
      "mailto:ops@example.com                        | must be an absolute https URL with a host",
      "https://user:pass@deploy.example.com/rollback | must not carry credentials before the host; send a token in the path or query",
      "https://deploy.example.com/a b                | must be an absolute https URL"})
  void shouldRefuseWithoutQuotingTheUrl(String text, String problem) {
    RollbackUrl.Result result = RollbackUrl.parse(text);
    assertTrue(result.url().isEmpty());
    assertEquals(problem, result.problem());
    assertFalse(result.problem().contains("example"));
  }

  @Test
  void shouldRefuseOverlongUrls() {
    String text = "https://deploy.example.com/" + "a".repeat(RollbackUrl.MAX_LENGTH);
    assertEquals("must be at most 2048 characters", RollbackUrl.parse(text).problem());
  }

  @Test
  void shouldKeepTheTokenOutOfTheDeploymentsToString() {
    Deployment deployment = Deployment.of("checkout-api", "1.2.3", "production",
        java.time.Instant.parse("2026-03-10T14:00:00Z"), java.time.Instant.parse("2026-03-10T14:05:00Z"),
        "3f9c2a1", "ci", RollbackUrl.parse("https://deploy.example.com/r?token=s3cret").url().orElseThrow());
    assertFalse(deployment.toString().contains("s3cret"), deployment.toString());
    assertFalse(DeploymentEvent.of(deployment).toString().contains("s3cret"));
  }
}
