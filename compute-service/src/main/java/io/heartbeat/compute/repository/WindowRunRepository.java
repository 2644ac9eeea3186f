package io.heartbeat.compute.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.WindowRun;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.window_run: one row per computed window. */
@ApplicationScoped
public class WindowRunRepository {

  private final Pool pool;

  public WindowRunRepository(Pool pool) {
    this.pool = pool;
  }

  /** @return false when the window was already recorded (a second computation changes nothing) */
  public Uni<Boolean> record(WindowRun run) {
    return pool.preparedQuery("insert into compute.window_run (metric_id, window_start, window_end, "
            + "definition_version, status, computed_at, observations, error) values ($1, $2, $3, $4, $5, $6, $7, $8) "
            + "on conflict (metric_id, window_start) do nothing")
        .execute(Tuple.from(new Object[] {run.metricId(), run.windowStart().atOffset(ZoneOffset.UTC), run.windowEnd().atOffset(ZoneOffset.UTC),
            run.definitionVersion(), run.status().wire(), run.computedAt().atOffset(ZoneOffset.UTC),
            run.observations(), run.error()}))
        .map(rows -> rows.rowCount() > 0);
  }

  public Uni<List<WindowRun>> recent(String metricId, int limit) {
    return pool.preparedQuery("select metric_id, window_start, window_end, definition_version, status, computed_at, "
            + "observations, error from compute.window_run where metric_id = $1 order by window_start desc limit $2")
        .execute(Tuple.of(metricId, limit))
        .map(rows -> {
          List<WindowRun> runs = new ArrayList<>();
          rows.forEach(row -> runs.add(toRun(row)));
          return runs;
        });
  }

  private static WindowRun toRun(Row row) {
    return new WindowRun(row.getString("metric_id"), row.getOffsetDateTime("window_start").toInstant(),
        row.getOffsetDateTime("window_end").toInstant(), row.getString("definition_version"),
        Status.valueOf(row.getString("status").toUpperCase()), row.getOffsetDateTime("computed_at").toInstant(),
        row.getInteger("observations"), row.getString("error"));
  }
}
