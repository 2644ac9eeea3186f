package io.heartbeat.cockpit.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.model.MetricDefinition;
import io.heartbeat.cockpit.model.MetricDefinitionEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/** cockpit.metric: the definitions in force, as the registry last published them. */
@ApplicationScoped
public class MetricRepository {

  // A redelivered older event (earlier publishedAt) must not roll a newer definition back.
  private static final String UPSERT = """
      insert into cockpit.metric (metric_id, version, code, name, unit, direction, period, how_to_read,
        norm_value, alert_value, target_value, target_due_date, stage, definition, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
      on conflict (metric_id) do update set
        version = excluded.version, code = excluded.code, name = excluded.name, unit = excluded.unit,
        direction = excluded.direction, period = excluded.period, how_to_read = excluded.how_to_read,
        norm_value = excluded.norm_value, alert_value = excluded.alert_value,
        target_value = excluded.target_value, target_due_date = excluded.target_due_date,
        stage = excluded.stage, definition = excluded.definition, updated_at = excluded.updated_at
      where cockpit.metric.updated_at <= excluded.updated_at
      """;

  // One statement, so a removal never leaves a tile or points behind half-done.
  private static final String REMOVE = """
      with gone_tile as (delete from cockpit.tile where metric_id = $1),
           gone_points as (delete from cockpit.series_point where metric_id = $1),
           gone_slices as (delete from cockpit.slice_point where metric_id = $1)
      delete from cockpit.metric where metric_id = $1
      """;

  private final Pool pool;

  public MetricRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the event's definition; returns false when a newer one was already stored. */
  public Uni<Boolean> upsert(SqlClient client, MetricDefinitionEvent event, String definitionJson) {
    MetricDefinition d = event.definition();
    Tuple params = Tuple.tuple()
        .addString(event.metricId())
        .addString(event.version())
        .addString(d.code())
        .addString(d.name())
        .addString(d.unit())
        .addString(d.direction())
        .addString(d.period())
        .addString(d.howToRead())
        .addDouble(d.normValue())
        .addDouble(d.alertValue())
        .addDouble(d.targetValue())
        .addLocalDate(d.targetDueDate())
        .addString(d.stage())
        .addValue(new JsonObject(definitionJson))
        .addOffsetDateTime(event.publishedAt().atOffset(ZoneOffset.UTC));
    return client.preparedQuery(UPSERT).execute(params).map(rows -> rows.rowCount() > 0);
  }

  /** The stored definition of one metric (as the registry published it) with its version; empty when unknown. */
  public Uni<Optional<Stored>> find(String metricId) {
    return pool.preparedQuery("select version, definition, updated_at from cockpit.metric where metric_id = $1")
        .execute(Tuple.of(metricId)).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Stored(
            metricId, rows.iterator().next().getString("version"),
            (JsonObject) rows.iterator().next().getValue("definition"))));
  }

  /** Every metric in the registry by id, with its code and name. */
  public Uni<List<Listed>> listed() {
    return pool.query("select metric_id, code, name from cockpit.metric order by metric_id").execute()
        .map(rows -> {
          List<Listed> listed = new ArrayList<>(rows.size());
          rows.forEach(row -> listed.add(new Listed(row.getString("metric_id"), row.getString("code"),
              row.getString("name"))));
          return listed;
        });
  }

  /** A metric's handles. */
  public record Listed(String metricId, String code, String name) {
  }

  /** The SLA names of every metric that belongs to one, with its members. */
  public Uni<Map<String, List<String>>> slaMembers() {
    return pool.query("""
        select sla, array_agg(metric_id order by metric_id) as members from cockpit.metric,
          jsonb_array_elements_text(coalesce(definition->'slas', '[]'::jsonb)) as sla group by sla order by sla
        """).execute().map(rows -> {
          Map<String, List<String>> slas = new LinkedHashMap<>();
          rows.forEach(row -> slas.put(row.getString("sla"), List.of(row.getArrayOfStrings("members"))));
          return slas;
        });
  }

  /** A definition as stored. */
  public record Stored(String metricId, String version, JsonObject definition) {
  }

  /** Deletes the metric with its tile and series; returns false when it was not there. */
  public Uni<Boolean> remove(SqlClient client, String metricId) {
    return client.preparedQuery(REMOVE).execute(Tuple.of(metricId)).map(SqlResult::rowCount).map(n -> n > 0);
  }
}
