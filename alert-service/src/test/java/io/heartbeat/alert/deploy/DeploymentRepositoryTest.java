package io.heartbeat.alert.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** alert.deployment on the real PostgreSQL: the upsert's three outcomes, the listing order and the lookback query. */
@QuarkusTest
class DeploymentRepositoryTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant DROP = Instant.parse("2026-03-10T15:00:00Z");

  @Inject
  DeploymentRepository deployments;

  private Deployment deploy(String service, String version, Instant finished) {
    return Deployment.of(service, version, "production", finished.minusSeconds(120), finished, "3f9c2a1", "ci",
        null);
  }

  private Recording record(Deployment deployment) {
    return deployments.record(deployment, Instant.now()).await().atMost(WAIT);
  }

  @Test
  void shouldCreateOnceThenFindTheSameAndRefuseAnother() {
    String service = Deployments.service("repo");
    Deployment first = deploy(service, "1.0.0", DROP);
    assertEquals(Recording.CREATED, record(first));
    assertEquals(Recording.UNCHANGED, record(first));
    Deployment otherAuthor = new Deployment(first.id(), service, "1.0.0", "production", first.startedAt(),
        first.finishedAt(), first.commit(), "someone else", null);
    assertEquals(Recording.CONFLICTING, record(otherAuthor));
    assertEquals(first, deployments.find(first.id()).await().atMost(WAIT));
    assertNull(deployments.find("f".repeat(64)).await().atMost(WAIT));
  }

  @Test
  void shouldFindDeploysFinishedWithinTheLookbackBeforeTheDrop() {
    String checkout = Deployments.service("checkout");
    String payments = Deployments.service("payments");
    String unrelated = Deployments.service("unrelated");
    Deployment tooEarly = deploy(checkout, "1", DROP.minus(Duration.ofMinutes(30)));
    Deployment justInside = deploy(checkout, "2", DROP.minus(Duration.ofMinutes(30)).plusSeconds(1));
    Deployment atDrop = deploy(payments, "7", DROP);
    Deployment afterDrop = deploy(checkout, "3", DROP.plusSeconds(1));
    Deployment otherService = deploy(unrelated, "9", DROP.minusSeconds(60));
    for (Deployment d : List.of(tooEarly, justInside, atDrop, afterDrop, otherService)) {
      record(d);
    }

    List<Deployment> found = deployments.finishedWithin(Set.of(checkout, payments), DROP, Duration.ofMinutes(30))
        .await().atMost(WAIT);

    assertEquals(List.of(atDrop, justInside), found);
    assertEquals(List.of(), deployments.finishedWithin(Set.of(), DROP, Duration.ofMinutes(30)).await().atMost(WAIT));
  }

  @Test
  void shouldPageNewestFirstWithTheCursor() {
    String service = Deployments.service("paged");
    Deployment a = deploy(service, "1", DROP.minusSeconds(300));
    Deployment b = deploy(service, "2", DROP.minusSeconds(200));
    // Same finish as b: the id breaks the tie, so no row is skipped or repeated across pages.
    Deployment c = deploy(service, "3", DROP.minusSeconds(200));
    for (Deployment d : List.of(a, b, c)) {
      record(d);
    }
    List<Deployment> tied = b.id().compareTo(c.id()) > 0 ? List.of(b, c) : List.of(c, b);

    List<Deployment> first = deployments.list(service, null, null, 2).await().atMost(WAIT);
    List<Deployment> second = deployments.list(service, "production", Cursor.after(first.get(1)), 2)
        .await().atMost(WAIT);

    assertEquals(tied, first);
    assertEquals(List.of(a), second);
    assertEquals(List.of(), deployments.list(service, "staging", null, 2).await().atMost(WAIT));
  }
}
