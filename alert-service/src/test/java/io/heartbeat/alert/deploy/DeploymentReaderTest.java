package io.heartbeat.alert.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Contracts;
import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.deploy.DeploymentReader.Naming;
import io.heartbeat.alert.model.EventId;

/** One set of rules for the POST body and the event, every problem named at once. */
class DeploymentReaderTest {

  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Instant STARTED = Instant.parse("2026-03-10T14:00:00Z");
  private static final Instant FINISHED = Instant.parse("2026-03-10T14:05:00Z");

  @Test
  void shouldReadAValidBodyWithItsDeterministicId() {
    ObjectNode body = Deployments.body("checkout-api", "1.2.3", STARTED, FINISHED,
        "https://deploy.example.com/r?token=abc");
    DeploymentReader.Parsed parsed = DeploymentReader.read(body, Naming.API, NOW);
    assertEquals(List.of(), parsed.problems());
    Deployment d = parsed.deployment();
    assertEquals(EventId.of("checkout-api", "production", "1.2.3", "2026-03-10T14:00:00Z"), d.id());
    assertEquals("https://deploy.example.com/r?token=abc", d.rollbackUrl().reveal());
  }

  @Test
  void shouldGiveTheSameIdWhateverTheOffsetOfStartedAt() {
    ObjectNode utc = Deployments.body("checkout-api", "1.2.3", STARTED, FINISHED, null);
    ObjectNode paris = utc.deepCopy().put("started_at", "2026-03-10T15:00:00+01:00");
    assertEquals(DeploymentReader.read(utc, Naming.API, NOW).deployment().id(),
        DeploymentReader.read(paris, Naming.API, NOW).deployment().id());
  }

  @Test
  void shouldNameEveryProblemAtOnce() {
    ObjectNode body = Fixtures.JSON.createObjectNode()
        .put("service", "Checkout API")
        .put("version", 7)
        .put("started_at", "yesterday")
        .put("finished_at", "2026-03-10T14:05:00")
        .put("commit", "not-a-sha")
        .put("author", "")
        .put("rollback_url", "http://deploy.example.com/r?token=abc")
        .put("finishedAt", "2026-03-10T14:05:00Z");
    List<FieldProblem> problems = DeploymentReader.read(body, Naming.API, NOW).problems();
    assertEquals(List.of("finishedAt", "service", "version", "environment", "started_at", "finished_at", "commit",
        "author", "rollback_url"), problems.stream().map(FieldProblem::field).toList());
    assertEquals("is required", problems.get(3).message());
    assertEquals("must be a string", problems.get(2).message());
    assertTrue(problems.stream().noneMatch(p -> p.message().contains("token=abc")));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "finished_at | 2026-03-10T13:59:59Z | must not be before started_at",
      "finished_at | 2026-03-10T16:00:00Z | is in the future: a deployment is recorded once finished",
      "environment | Production           | must be lower-case letters, digits, '.', '_' or '-', 1-100 characters",
      "version     | 1.2 beta             | must be 1-128 printable characters without spaces",
      "commit      | 3F9C2A1              | must be a git commit sha: 7-64 lower-case hex digits",
      "author      | ' '                  | must be a string of 1-200 characters without control characters"})
  void shouldRefuseOneBadField(String field, String value, String message) {
    ObjectNode body = Deployments.body("checkout-api", "1.2.3", STARTED, FINISHED, null).put(field, value);
    assertEquals(List.of(new FieldProblem(field, message)), DeploymentReader.read(body, Naming.API, NOW).problems());
  }

  @Test
  void shouldRefuseABodyThatIsNoObject() {
    DeploymentReader.Parsed parsed = DeploymentReader.read(Fixtures.JSON.createArrayNode(), Naming.API, NOW);
    assertFalse(parsed.valid());
    assertEquals("body", parsed.problems().get(0).field());
  }

  @Test
  void shouldReadTheEventWithTheSameRulesInItsOwnSpelling() {
    ObjectNode event = Deployments.event("checkout-api", "1.2.3", STARTED, FINISHED, null);
    DeploymentReader.Parsed parsed = DeploymentReader.read(event, Naming.EVENT, NOW);
    assertEquals(DeploymentReader.read(Deployments.body("checkout-api", "1.2.3", STARTED, FINISHED, null),
        Naming.API, NOW).deployment(), parsed.deployment());

    ObjectNode snake = Deployments.body("checkout-api", "1.2.3", STARTED, FINISHED, null);
    assertEquals(List.of("started_at", "finished_at", "schemaVersion", "startedAt", "finishedAt"),
        DeploymentReader.read(snake, Naming.EVENT, NOW).problems().stream().map(FieldProblem::field)
            .filter(f -> !f.equals("id")).toList());
  }

  @Test
  void shouldRefuseAnEventWhoseIdIsNotItsOwn() {
    ObjectNode event = Deployments.event("checkout-api", "1.2.3", STARTED, FINISHED, null)
        .put("id", "0".repeat(64));
    Contracts.assertValid(Deployments.CONTRACT, event);
    List<FieldProblem> problems = DeploymentReader.read(event, Naming.EVENT, NOW).problems();
    assertEquals(List.of("id"), problems.stream().map(FieldProblem::field).toList());
  }
}
