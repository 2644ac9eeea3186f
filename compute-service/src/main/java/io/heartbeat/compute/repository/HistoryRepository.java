package io.heartbeat.compute.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.compute.model.HistoryJob;
import io.heartbeat.compute.model.HistoryState;
import io.heartbeat.compute.model.MetricDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** compute.history: one history job per metric version, the state a restart resumes from. */
@ApplicationScoped
public class HistoryRepository {

  private static final String COLUMNS = "h.metric_id, h.definition_version, h.definition::text as definition, "
      + "h.range_start, h.history_end, h.history_start, h.windows, h.next_start, h.chunks, h.published, "
      + "h.seen::text as seen, h.state, h.created_at";

  private final ObjectMapper mapper;

  public HistoryRepository(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A new job, in the transaction that puts the version in force, so the schedule never sees the version without
   * it. A job the version already had (removed and defined again) is kept: its chunk ids are taken.
   */
  public Uni<Void> insert(SqlClient client, String metricId, String version, JsonNode definition, int periodSeconds,
      Instant rangeStart, Instant historyEnd) {
    return client.preparedQuery("insert into compute.history (metric_id, definition_version, definition, "
            + "period_seconds, range_start, history_end, next_start, state) "
            + "values ($1, $2, $3::text::jsonb, $4, $5, $6, $5, 'running') "
            + "on conflict (metric_id, definition_version) do nothing")
        .execute(Tuple.of(metricId, version, definition.toString(), periodSeconds, utc(rangeStart), utc(historyEnd)))
        .replaceWithVoid();
  }

  /**
   * The oldest running job of a metric on {@code partitions} (or of unknown partition) no other runner holds, locked
   * until {@code client}'s transaction ends; a metric's jobs run one after the other, oldest version first.
   */
  public Uni<Optional<HistoryJob>> lockNextRunning(SqlClient client, Set<Integer> partitions) {
    return client.preparedQuery("select " + COLUMNS + ", (m.version = h.definition_version or "
            + "m.previous_version = h.definition_version) as in_force from compute.history h "
            + "join compute.metric m on m.metric_id = h.metric_id "
            + "where h.state = 'running' and (m.registry_partition is null or m.registry_partition = any($1)) "
            + "and not exists (select 1 from compute.history o where o.metric_id = h.metric_id "
            + "and o.state = 'running' and o.created_at < h.created_at) "
            + "order by h.created_at limit 1 for update of h skip locked")
        .execute(Tuple.of(partitions.toArray(Integer[]::new)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJob(rows.iterator().next())));
  }

  /** Records a step: the cursor, what was found and published, the memory; done once the cursor reaches the end. */
  public Uni<Void> advance(SqlClient client, HistoryJob job, Instant nextStart, Instant historyStart, Integer windows,
      int chunks, int published, Map<String, Instant> seen, boolean done) {
    return client.preparedQuery("update compute.history set next_start = $3, history_start = $4, windows = $5, "
            + "chunks = chunks + $6, published = published + $7, seen = $8::text::jsonb, state = $9, "
            + "updated_at = now(), finished_at = case when $9 = 'done' then now() end "
            + "where metric_id = $1 and definition_version = $2")
        .execute(Tuple.from(new Object[] {job.metricId(), job.definitionVersion(), utc(nextStart), utc(historyStart),
            windows, chunks, published, json(seen), (done ? HistoryState.DONE : HistoryState.RUNNING).wire()}))
        .replaceWithVoid();
  }

  public Uni<Void> fail(SqlClient client, HistoryJob job, String error) {
    return client.preparedQuery("update compute.history set state = 'failed', error = $3, updated_at = now(), "
            + "finished_at = now() where metric_id = $1 and definition_version = $2")
        .execute(Tuple.of(job.metricId(), job.definitionVersion(), error)).replaceWithVoid();
  }

  /** A removed metric's histories stop: nobody reads them any more. */
  public Uni<Void> failRunning(SqlClient client, String metricId, String error) {
    return client.preparedQuery("update compute.history set state = 'failed', error = $2, updated_at = now(), "
            + "finished_at = now() where metric_id = $1 and state = 'running'")
        .execute(Tuple.of(metricId, error)).replaceWithVoid();
  }

  private HistoryJob toJob(Row row) {
    try {
      MetricDefinition definition = mapper.readValue(row.getString("definition"), MetricDefinition.class);
      Map<String, Instant> seen = new HashMap<>();
      mapper.readTree(row.getString("seen")).fields()
          .forEachRemaining(entry -> seen.put(entry.getKey(), Instant.parse(entry.getValue().asText())));
      return new HistoryJob(row.getString("metric_id"), row.getString("definition_version"), definition,
          instant(row, "range_start"), instant(row, "history_end"), instant(row, "history_start"),
          row.getInteger("windows"), instant(row, "next_start"), row.getInteger("chunks"), row.getInteger("published"),
          seen, HistoryState.of(row.getString("state")), instant(row, "created_at"), row.getBoolean("in_force"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored history job is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private String json(Map<String, Instant> seen) {
    ObjectNode node = mapper.createObjectNode();
    seen.forEach((value, last) -> node.put(value, last.toString()));
    return node.toString();
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
