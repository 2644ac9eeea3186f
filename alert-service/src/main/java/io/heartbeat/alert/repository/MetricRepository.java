package io.heartbeat.alert.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.model.Metric;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** alert.metric: the definitions in force. */
@ApplicationScoped
public class MetricRepository {

  static final String COLUMNS = "m.metric_id, m.version, m.definition->>'period' as period, m.period_seconds,"
      + " m.direction, m.norm_value, m.alert_value, m.target_value, m.target_due_date, m.stage,"
      + " (m.definition->>'benchmarkMean')::float8 as benchmark_mean,"
      + " (m.definition->>'benchmarkStddev')::float8 as benchmark_stddev,"
      + " m.definition->'anomaly' as anomaly, m.definition->'slas' as slas,"
      + " (m.definition->>'minCount')::float8 as min_count";

  private final Pool pool;

  public MetricRepository(Pool pool) {
    this.pool = pool;
  }

  /** Latest definition wins: the registry topic is ordered per metric. */
  public Uni<Void> upsert(Metric metric, String definitionJson, Instant updatedAt) {
    String sql = """
        insert into alert.metric (metric_id, version, direction, norm_value, alert_value, target_value,
          target_due_date, period_seconds, stage, definition, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        on conflict (metric_id) do update set version = excluded.version, direction = excluded.direction,
          norm_value = excluded.norm_value, alert_value = excluded.alert_value,
          target_value = excluded.target_value, target_due_date = excluded.target_due_date,
          period_seconds = excluded.period_seconds, stage = excluded.stage, definition = excluded.definition,
          updated_at = excluded.updated_at""";
    Tuple params = Tuple.from(Arrays.asList(metric.metricId(), metric.version(), metric.direction().wire(),
        metric.normValue(), metric.alertValue(), metric.targetValue(), metric.targetDueDate(),
        metric.periodSeconds(), metric.stage(), new JsonObject(definitionJson), Times.utc(updatedAt)));
    return pool.preparedQuery(sql).execute(params).replaceWithVoid();
  }

  public Uni<Void> delete(String metricId) {
    return pool.preparedQuery("delete from alert.metric where metric_id = $1")
        .execute(Tuple.of(metricId)).replaceWithVoid();
  }

  /** The metric, or null when no definition is known. */
  public Uni<Metric> find(String metricId) {
    return pool.preparedQuery("select " + COLUMNS + " from alert.metric m where m.metric_id = $1")
        .execute(Tuple.of(metricId))
        .map(rows -> rows.size() == 0 ? null : toMetric(rows.iterator().next()));
  }

  /** The metrics among ids that have a definition, by id. */
  public Uni<Map<String, Metric>> findAll(Collection<String> metricIds) {
    return pool.preparedQuery("select " + COLUMNS + " from alert.metric m where m.metric_id = any($1)")
        .execute(Tuple.of(metricIds.toArray(String[]::new)))
        .map(rows -> {
          Map<String, Metric> found = new HashMap<>();
          for (Row row : rows) {
            Metric metric = toMetric(row);
            found.put(metric.metricId(), metric);
          }
          return found;
        });
  }

  /** True when some metric in force belongs to the SLA. */
  public Uni<Boolean> hasSla(String sla) {
    return pool.preparedQuery("select 1 from alert.metric where definition->'slas' ? $1 limit 1")
        .execute(Tuple.of(sla)).map(RowSet::size).map(size -> size > 0);
  }

  public Uni<Boolean> exists(String metricId) {
    return pool.preparedQuery("select 1 from alert.metric where metric_id = $1")
        .execute(Tuple.of(metricId)).map(RowSet::size).map(size -> size > 0);
  }

  static Metric toMetric(Row row) {
    return new Metric(row.getString("metric_id"), row.getString("version"), row.getString("period"),
        row.getInteger("period_seconds"), Direction.fromWire(row.getString("direction")),
        row.getDouble("norm_value"), row.getDouble("alert_value"), row.getDouble("target_value"),
        row.getLocalDate("target_due_date"), row.getString("stage"), row.getDouble("benchmark_mean"),
        row.getDouble("benchmark_stddev"), anomaly(row.getJsonObject("anomaly")), slas(row.getJsonArray("slas")),
        row.getDouble("min_count"));
  }

  // Older rows or odd definitions may lack a key: the documented default applies.
  private static Anomaly anomaly(JsonObject json) {
    if (json == null) {
      return Anomaly.DEFAULTS;
    }
    Anomaly d = Anomaly.DEFAULTS;
    return new Anomaly(json.getBoolean("enabled", d.enabled()), json.getDouble("sensitivity", d.sensitivity()),
        json.getInteger("triggerWindows", d.triggerWindows()), json.getInteger("recoveryWindows", d.recoveryWindows()),
        json.getInteger("minHistoryWindows", d.minHistoryWindows()), json.getInteger("triggerWithinWindows"),
        json.getDouble("minChangePercent"), json.getDouble("minChangeAbsolute"));
  }

  private static List<String> slas(JsonArray json) {
    List<String> slas = new ArrayList<>();
    if (json != null) {
      for (int i = 0; i < json.size(); i++) {
        slas.add(json.getString(i));
      }
    }
    return slas;
  }
}
