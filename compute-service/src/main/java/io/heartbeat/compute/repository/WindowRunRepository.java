package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.WindowRun;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.window_run: one row per computed window, claimed before its observations are published. */
@ApplicationScoped
public class WindowRunRepository {

  private static final String COLUMNS = "metric_id, window_start, window_end, definition_version, status, "
      + "computed_at, observations, error, computed_by, published_at";

  private final Pool pool;

  public WindowRunRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Claims windows with their observations as payload, in one statement and one commit.
   *
   * @return the keys of the windows claimed; a window that already had a row is absent (another computation won)
   */
  public Uni<List<Key>> claimAll(List<Claim> claims) {
    int size = claims.size();
    String[] metricIds = new String[size];
    OffsetDateTime[] starts = new OffsetDateTime[size];
    OffsetDateTime[] ends = new OffsetDateTime[size];
    String[] versions = new String[size];
    String[] statuses = new String[size];
    OffsetDateTime[] computedAt = new OffsetDateTime[size];
    Integer[] observations = new Integer[size];
    String[] errors = new String[size];
    String[] computedBy = new String[size];
    String[] payloads = new String[size];
    for (int i = 0; i < size; i++) {
      WindowRun run = claims.get(i).run();
      metricIds[i] = run.metricId();
      starts[i] = utc(run.windowStart());
      ends[i] = utc(run.windowEnd());
      versions[i] = run.definitionVersion();
      statuses[i] = run.status().wire();
      computedAt[i] = utc(run.computedAt());
      observations[i] = run.observations();
      errors[i] = run.error();
      computedBy[i] = run.computedBy();
      payloads[i] = claims.get(i).payload();
    }
    return pool.preparedQuery("insert into compute.window_run (metric_id, window_start, window_end, "
            + "definition_version, status, computed_at, observations, error, computed_by, payload) "
            + "select m, s, e, v, st, c, o, er, b, p::jsonb from unnest($1::text[], $2::timestamptz[], "
            + "$3::timestamptz[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[], "
            + "$10::text[]) as x(m, s, e, v, st, c, o, er, b, p) "
            + "on conflict (metric_id, window_start) do nothing returning metric_id, window_start")
        .execute(Tuple.from(new Object[] {metricIds, starts, ends, versions, statuses, computedAt, observations,
            errors, computedBy, payloads}))
        .map(rows -> {
          List<Key> claimed = new ArrayList<>(rows.size());
          rows.forEach(row -> claimed.add(new Key(row.getString("metric_id"), instant(row, "window_start"))));
          return claimed;
        });
  }

  /** The broker acknowledged these windows' observations: their payload is no longer needed. */
  public Uni<Void> markPublished(List<Key> windows) {
    return pool.preparedQuery("update compute.window_run r set published_at = now(), payload = null "
            + "from unnest($1::text[], $2::timestamptz[]) as m(metric_id, window_start) "
            + "where r.metric_id = m.metric_id and r.window_start = m.window_start and r.published_at is null")
        .execute(Tuple.of(windows.stream().map(Key::metricId).toArray(String[]::new),
            windows.stream().map(key -> utc(key.windowStart())).toArray(OffsetDateTime[]::new)))
        .replaceWithVoid();
  }

  /** Claimed windows still waiting for the broker, oldest first, with their payload. */
  public Uni<List<Pending>> pending(String metricId) {
    return pool.preparedQuery("select window_start, payload::text as payload from compute.window_run "
            + "where metric_id = $1 and published_at is null order by window_start")
        .execute(Tuple.of(metricId))
        .map(rows -> {
          List<Pending> pending = new ArrayList<>();
          rows.forEach(row -> pending.add(new Pending(metricId, instant(row, "window_start"),
              row.getString("payload"))));
          return pending;
        });
  }

  /** Starts of the windows in [from, to) that already have a row. */
  public Uni<Set<Instant>> startsBetween(String metricId, Instant from, Instant to) {
    return pool.preparedQuery("select window_start from compute.window_run "
            + "where metric_id = $1 and window_start >= $2 and window_start < $3")
        .execute(Tuple.of(metricId, utc(from), utc(to)))
        .map(rows -> {
          Set<Instant> starts = new HashSet<>();
          rows.forEach(row -> starts.add(instant(row, "window_start")));
          return starts;
        });
  }

  public Uni<List<WindowRun>> recent(String metricId, int limit) {
    return pool.preparedQuery("select " + COLUMNS + " from compute.window_run where metric_id = $1 "
            + "order by window_start desc limit $2")
        .execute(Tuple.of(metricId, limit))
        .map(rows -> {
          List<WindowRun> runs = new ArrayList<>();
          rows.forEach(row -> runs.add(toRun(row)));
          return runs;
        });
  }

  /** A window of a metric. */
  public record Key(String metricId, Instant windowStart) {
  }

  /** A window to claim, with its observations (a JSON array) as payload. */
  public record Claim(WindowRun run, String payload) {

    public Key key() {
      return new Key(run.metricId(), run.windowStart());
    }
  }

  /** A claimed window whose observations the broker has not acknowledged; payload is their JSON array. */
  public record Pending(String metricId, Instant windowStart, String payload) {
  }

  private static WindowRun toRun(Row row) {
    return new WindowRun(row.getString("metric_id"), instant(row, "window_start"), instant(row, "window_end"),
        row.getString("definition_version"), Status.valueOf(row.getString("status").toUpperCase()),
        instant(row, "computed_at"), row.getInteger("observations"), row.getString("error"),
        row.getString("computed_by"), instant(row, "published_at"));
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
