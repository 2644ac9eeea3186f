package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.model.MetricRecord;
import io.heartbeat.compute.model.MetricSchedule;
import io.heartbeat.compute.model.VersionedDefinition;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.metric: the definitions in force, read for syncing and for scheduling. */
@ApplicationScoped
public class MetricRepository {

  private static final String RECORD_COLUMNS = "metric_id, state, published_at, active_since, version, "
      + "definition::text as definition, previous_version, previous_definition::text as previous_definition, "
      + "effective_from";
  // The latest window by primary key order; its end is where the schedule resumes.
  private static final String SCHEDULE_QUERY = "select " + RECORD_COLUMNS + ", (select r.window_end "
      + "from compute.window_run r where r.metric_id = m.metric_id order by r.window_start desc limit 1) "
      + "as last_run_end from compute.metric m";

  private final Pool pool;
  private final ObjectMapper mapper;

  public MetricRepository(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapper = mapper;
  }

  public Uni<Optional<MetricRecord>> findForUpdate(SqlClient client, String metricId) {
    return client.preparedQuery("select " + RECORD_COLUMNS + " from compute.metric where metric_id = $1 for update")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  public Uni<Void> save(SqlClient client, MetricRecord metric) {
    return client.preparedQuery("insert into compute.metric (metric_id, state, published_at, active_since, version, "
            + "definition, previous_version, previous_definition, effective_from, updated_at) "
            // Bound as text then cast: a String bound straight to jsonb would be stored as a JSON string.
            + "values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::text::jsonb, $9, now()) on conflict (metric_id) do update set "
            + "state = excluded.state, published_at = excluded.published_at, version = excluded.version, "
            + "definition = excluded.definition, previous_version = excluded.previous_version, "
            + "previous_definition = excluded.previous_definition, effective_from = excluded.effective_from, "
            + "updated_at = now()")
        .execute(Tuple.from(new Object[] {metric.metricId(), metric.state(), utc(metric.publishedAt()),
            utc(metric.activeSince()), metric.version(), text(metric.definition()), metric.previousVersion(),
            text(metric.previousDefinition()), utc(metric.effectiveFrom())}))
        .replaceWithVoid();
  }

  public Uni<Boolean> delete(String metricId) {
    return pool.preparedQuery("delete from compute.metric where metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.rowCount() > 0);
  }

  public Uni<List<MetricSchedule>> schedules() {
    return pool.query(SCHEDULE_QUERY + " order by m.metric_id").execute().map(rows -> {
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
    });
  }

  public Uni<Optional<MetricSchedule>> schedule(String metricId) {
    return pool.preparedQuery(SCHEDULE_QUERY + " where m.metric_id = $1").execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSchedule(rows.iterator().next())));
  }

  private MetricRecord toRecord(Row row) {
    return new MetricRecord(row.getString("metric_id"), row.getString("state"), instant(row, "published_at"),
        instant(row, "active_since"), row.getString("version"), json(row.getString("definition")),
        row.getString("previous_version"), json(row.getString("previous_definition")),
        instant(row, "effective_from"));
  }

  private MetricSchedule toSchedule(Row row) {
    MetricRecord metric = toRecord(row);
    VersionedDefinition previous = metric.previousDefinition() == null ? null
        : new VersionedDefinition(metric.previousVersion(), definition(metric.previousDefinition()));
    return new MetricSchedule(metric.metricId(), metric.state(),
        new VersionedDefinition(metric.version(), definition(metric.definition())), previous,
        metric.effectiveFrom(), metric.activeSince(), instant(row, "last_run_end"));
  }

  private MetricDefinition definition(JsonNode node) {
    try {
      return mapper.treeToValue(node, MetricDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored definition is unreadable: " + e.getOriginalMessage(), e);
    }
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
