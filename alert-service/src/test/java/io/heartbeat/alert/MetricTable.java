package io.heartbeat.alert;

import java.util.Objects;

import org.awaitility.Awaitility;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads alert.metric so a test can order its events across the two input topics. */
public final class MetricTable {

  private MetricTable() {
  }

  /** Waits until the metric's stored version is the given one (null: until the metric is gone). */
  public static void awaitVersion(Pool pool, String metricId, String version) {
    Awaitility.await().atMost(KafkaSupport.PATIENCE).until(() -> Objects.equals(version, version(pool, metricId)));
  }

  public static long evaluationCount(Pool pool, String observationId) {
    return pool.preparedQuery("select count(*) from alert.evaluation where observation_id = $1")
        .execute(Tuple.of(observationId)).await().indefinitely().iterator().next().getLong(0);
  }

  private static String version(Pool pool, String metricId) {
    RowSet<Row> rows = pool.preparedQuery("select version from alert.metric where metric_id = $1")
        .execute(Tuple.of(metricId)).await().indefinitely();
    return rows.size() == 0 ? null : rows.iterator().next().getString(0);
  }
}
