package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricRecord;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.VersionedDefinition;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.metric: the definitions in force, read for syncing and for scheduling. */
@ApplicationScoped
public class MetricRepository {

  private static final String RECORD_COLUMNS = "metric_id, state, published_at, active_since, version, "
      + "definition::text as definition, previous_version, previous_definition::text as previous_definition, "
      + "effective_from";
  // Only the fields the schedule reads, extracted by PostgreSQL: a tick reads every metric. last_run_end: the latest
  // window by primary key order, where the schedule resumes; pending_since: the oldest claimed window still waiting
  // for the broker (partial index window_run_unpublished).
  private static final String SCHEDULE_TEMPLATE = "select m.metric_id, m.state, m.active_since, m.effective_from, "
      + "m.registry_partition, m.version, " + fields("m.definition", "") + ", m.previous_version, "
      + fields("m.previous_definition", "previous_") + ", (select r.window_end from compute.window_run r "
      + "where r.metric_id = m.metric_id order by r.window_start desc limit 1) as last_run_end, "
      + "(select min(r.computed_at) from compute.window_run r where r.metric_id = m.metric_id "
      + "and r.published_at is null) as pending_since, %s as history_running from compute.metric m";
  // The definition versions whose history is still being published: the schedule holds their live windows back.
  private static final String HISTORY_RUNNING = "(select array_agg(h.definition_version) from compute.history h "
      + "where h.metric_id = m.metric_id and h.state = 'running')";

  private final Pool pool;
  private final ObjectMapper mapper;
  private final String scheduleQuery;

  public MetricRepository(Pool pool, ObjectMapper mapper, ComputeConfig config) {
    this.pool = pool;
    this.mapper = mapper;
    // With history switched off, a job left running must not hold its metric back for ever.
    this.scheduleQuery = SCHEDULE_TEMPLATE.formatted(config.history().enabled() ? HISTORY_RUNNING : "null::text[]");
  }

  public Uni<Optional<MetricRecord>> findForUpdate(SqlClient client, String metricId) {
    return client.preparedQuery("select " + RECORD_COLUMNS + " from compute.metric where metric_id = $1 for update")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  public Uni<Void> save(SqlClient client, MetricRecord metric, int partition) {
    return client.preparedQuery("insert into compute.metric (metric_id, state, published_at, active_since, version, "
            + "definition, previous_version, previous_definition, effective_from, registry_partition, updated_at) "
            // Bound as text then cast: a String bound straight to jsonb would be stored as a JSON string.
            + "values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::text::jsonb, $9, $10, now()) "
            + "on conflict (metric_id) do update set "
            + "state = excluded.state, published_at = excluded.published_at, version = excluded.version, "
            + "definition = excluded.definition, previous_version = excluded.previous_version, "
            + "previous_definition = excluded.previous_definition, effective_from = excluded.effective_from, "
            + "registry_partition = excluded.registry_partition, updated_at = now()")
        .execute(Tuple.from(new Object[] {metric.metricId(), metric.state(), utc(metric.publishedAt()),
            utc(metric.activeSince()), metric.version(), text(metric.definition()), metric.previousVersion(),
            text(metric.previousDefinition()), utc(metric.effectiveFrom()), partition}))
        .replaceWithVoid();
  }

  public Uni<Void> assignPartition(SqlClient client, String metricId, int partition) {
    return client.preparedQuery("update compute.metric set registry_partition = $2 "
            + "where metric_id = $1 and registry_partition is distinct from $2")
        .execute(Tuple.of(metricId, partition))
        .replaceWithVoid();
  }

  public Uni<Boolean> delete(String metricId) {
    return delete(pool, metricId);
  }

  public Uni<Boolean> delete(SqlClient client, String metricId) {
    return client.preparedQuery("delete from compute.metric where metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Every metric in force, whichever instance computes it. */
  public Uni<List<MetricSchedule>> schedules() {
    return pool.query(scheduleQuery + " order by m.metric_id").execute().map(this::toSchedules);
  }

  /** The metrics this instance computes: those on its registry partitions, and those whose partition is unknown. */
  public Uni<List<MetricSchedule>> schedules(Set<Integer> partitions) {
    return pool.preparedQuery(scheduleQuery + " where m.registry_partition is null "
            + "or m.registry_partition = any($1) order by m.metric_id")
        .execute(Tuple.of(partitions.toArray(Integer[]::new)))
        .map(this::toSchedules);
  }

  private List<MetricSchedule> toSchedules(RowSet<Row> rows) {
    List<MetricSchedule> schedules = new ArrayList<>();
    for (Row row : rows) {
      try {
        schedules.add(toSchedule(row));
      } catch (IllegalStateException e) {
        // One unreadable row must not stop every other metric.
        Log.warnf("metric skipped metric=%s reason=%s", row.getString("metric_id"), e.getMessage());
      }
    }
    return schedules;
  }

  public Uni<Optional<MetricSchedule>> schedule(String metricId) {
    return pool.preparedQuery(scheduleQuery + " where m.metric_id = $1").execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSchedule(rows.iterator().next())));
  }

  private MetricRecord toRecord(Row row) {
    return new MetricRecord(row.getString("metric_id"), row.getString("state"), instant(row, "published_at"),
        instant(row, "active_since"), row.getString("version"), json(row.getString("definition")),
        row.getString("previous_version"), json(row.getString("previous_definition")),
        instant(row, "effective_from"));
  }

  private static MetricSchedule toSchedule(Row row) {
    VersionedDefinition previous = row.getString("previous_version") == null ? null
        : new VersionedDefinition(row.getString("previous_version"), definition(row, "previous_"));
    return new MetricSchedule(row.getString("metric_id"), row.getString("state"),
        new VersionedDefinition(row.getString("version"), definition(row, "")), previous,
        instant(row, "effective_from"), instant(row, "active_since"), instant(row, "last_run_end"),
        row.getInteger("registry_partition"), instant(row, "pending_since"), history(row));
  }

  private static Set<String> history(Row row) {
    String[] versions = row.getArrayOfStrings("history_running");
    return versions == null ? Set.of() : Set.of(versions);
  }

  private static String fields(String column, String prefix) {
    return column + "->>'period' as " + prefix + "period, " + integer(column, "periodSeconds") + " as " + prefix
        + "period_seconds, " + column + "->>'valueSql' as " + prefix + "value_sql, " + column + "->>'dimension' as "
        + prefix + "dimension, " + integer(column, "statementTimeoutSeconds") + " as " + prefix + "timeout_seconds, "
        + integer(column, "historyDays") + " as " + prefix + "history_days, " + integer(column, "dimensionCap")
        + " as " + prefix + "dimension_cap, case when jsonb_typeof(" + column + "->'minCount') = 'number' then ("
        + column + "->>'minCount')::numeric end as " + prefix + "min_count";
  }

  // Null unless a JSON number: one odd stored value must not fail the query every other metric needs.
  private static String integer(String column, String field) {
    return "case when jsonb_typeof(" + column + "->'" + field + "') = 'number' then (" + column + "->>'" + field
        + "')::numeric::int end";
  }

  private static MetricDefinition definition(Row row, String prefix) {
    Integer periodSeconds = row.getInteger(prefix + "period_seconds");
    if (periodSeconds == null || row.getString(prefix + "value_sql") == null) {
      throw new IllegalStateException("stored definition has no periodSeconds or valueSql");
    }
    return new MetricDefinition(row.getString(prefix + "period"), periodSeconds, row.getString(prefix + "value_sql"),
        row.getString(prefix + "dimension"), row.getInteger(prefix + "timeout_seconds"),
        row.getInteger(prefix + "history_days"), row.getInteger(prefix + "dimension_cap"),
        row.getBigDecimal(prefix + "min_count"));
  }

  private JsonNode json(String text) {
    try {
      return text == null ? null : mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored definition is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private String text(JsonNode node) {
    return node == null ? null : node.toString();
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
