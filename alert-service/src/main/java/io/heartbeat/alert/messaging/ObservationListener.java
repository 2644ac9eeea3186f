package io.heartbeat.alert.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.judge.Outcome;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.model.ObservationHistory;
import io.heartbeat.alert.model.Written;
import io.heartbeat.alert.service.EvaluationService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads heartbeat.observations in batches (one poll at a time) and hands the readable observations, in partition
 * order, to the judgement; a history chunk becomes its observations, each marked with its place in the history. Offsets are committed by the judgement's checkpoints (ObservationOffsets).
 */
@ApplicationScoped
public class ObservationListener {

  public static final String CHANNEL = "observations";

  private final ObjectMapper mapper;
  private final EvaluationService evaluations;
  private final ObservationOffsets offsets;

  public ObservationListener(ObjectMapper mapper, EvaluationService evaluations, ObservationOffsets offsets) {
    this.mapper = mapper;
    this.evaluations = evaluations;
    this.offsets = offsets;
  }

  /** A failure here (after the judgement's own retries) stops the channel: liveness DOWN, a restart replays. */
  @Incoming(CHANNEL)
  public Uni<Void> onObservations(ConsumerRecords<String, String> records) {
    Map<TopicPartition, Long> next = ObservationOffsets.next(records);
    offsets.delivered(next);
    long started = System.nanoTime();
    return Uni.createFrom().item(() -> read(records))
        .invoke(arrivals -> Log.debugf("Batch read records=%d ms=%.1f", (Object) records.count(),
            (System.nanoTime() - started) / 1e6))
        // Parsing a poll of JSON is CPU work: off the event loop.
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(arrivals -> evaluations.judge(arrivals, next));
  }

  private List<Written<ObservationEvent>> read(ConsumerRecords<String, String> records) {
    List<Written<ObservationEvent>> arrivals = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> record : records) {
      try {
        JsonNode tree = mapper.readTree(record.value());
        if (ObservationHistory.TYPE.equals(tree.path("type").asText())) {
          ObservationHistory chunk = mapper.treeToValue(tree, ObservationHistory.class);
          if (!chunk.isComplete()) {
            throw new IllegalArgumentException("history chunk: required fields missing or unsupported schemaVersion");
          }
          // Its JSON is written only should it wait for its definition (BatchJudgement).
          chunk.expand().forEach(observation -> arrivals.add(new Written<>(observation, null)));
          continue;
        }
        ObservationEvent observation = mapper.treeToValue(tree, ObservationEvent.class);
        if (!observation.isComplete() || observation.fromHistory()) {
          throw new IllegalArgumentException("required fields missing or unsupported schemaVersion");
        }
        Outcome.fromWire(observation.status());
        arrivals.add(new Written<>(observation, record.value()));
      } catch (Exception e) {
        // A poison message must not stop the channel: log where it is and move on.
        Log.warnf("Skipped unreadable observation topic=%s partition=%d offset=%d key=%s reason=%s",
            record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
      }
    }
    return arrivals;
  }
}
