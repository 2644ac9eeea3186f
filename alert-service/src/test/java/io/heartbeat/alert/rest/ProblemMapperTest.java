package io.heartbeat.alert.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  @Test
  void shouldHideDetailsOfUnexpectedFailures() {
    Problem problem = ProblemMapper.unexpected("/api/metrics/x/status");

    assertEquals(new Problem("about:blank", "Internal Server Error", 500,
        "The request could not be completed; the failure is logged.", "/api/metrics/x/status"), problem);
  }

  @Test
  void shouldTitleProblemsByStatus() {
    assertEquals("Not Found", ProblemMapper.problem(404, "unknown metric x", "/x").title());
    assertEquals("HTTP 499", ProblemMapper.problem(499, "closed", "/x").title());
  }
}
