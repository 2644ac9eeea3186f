package io.heartbeat.cockpit.service;

import static io.heartbeat.cockpit.Fixtures.metricId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The sparkline keeps 48 hours of points: older ones are pruned, recent ones stay. */
@QuarkusTest
class SeriesPrunerTest {

  @Inject
  SeriesPruner pruner;

  @Inject
  Pool pool;

  @Test
  void shouldPruneOnlyPointsOlderThanRetention() {
    String id = metricId("prune");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant old = now.minus(Duration.ofHours(49));
    Instant edge = now.minus(Duration.ofHours(47));
    Instant recent = now.minus(Duration.ofMinutes(5));
    for (Instant windowStart : List.of(old, edge, recent)) {
      pool.preparedQuery("insert into cockpit.series_point (metric_id, window_start, value, status, evaluated_at)"
              + " values ($1, $2, 1.0, 'green', $2)")
          .execute(Tuple.of(id, windowStart.atOffset(ZoneOffset.UTC))).await().atMost(Duration.ofSeconds(10));
    }

    int pruned = pruner.prune(now).await().atMost(Duration.ofSeconds(10));

    assertTrue(pruned >= 1, "at least this test's old point was pruned");
    List<Instant> left = new ArrayList<>();
    pool.preparedQuery("select window_start from cockpit.series_point where metric_id = $1 order by window_start")
        .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))
        .forEach(row -> left.add(row.getOffsetDateTime("window_start").toInstant()));
    assertEquals(List.of(edge, recent), left);
  }
}
