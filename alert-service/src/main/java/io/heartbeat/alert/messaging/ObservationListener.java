package io.heartbeat.alert.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.judge.Outcome;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.service.EvaluationService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Reads heartbeat.observations and hands each observation to the judgement. */
@ApplicationScoped
public class ObservationListener {

  public static final String CHANNEL = "observations";

  private final ObjectMapper mapper;
  private final EvaluationService evaluations;

  public ObservationListener(ObjectMapper mapper, EvaluationService evaluations) {
    this.mapper = mapper;
    this.evaluations = evaluations;
  }

  @Incoming(CHANNEL)
  public Uni<Void> onObservation(ConsumerRecord<String, String> record) {
    ObservationEvent observation;
    try {
      observation = mapper.readValue(record.value(), ObservationEvent.class);
      if (!observation.isComplete()) {
        throw new IllegalArgumentException("required fields missing or unsupported schemaVersion");
      }
      Outcome.fromWire(observation.status());
    } catch (Exception e) {
      // A poison message must not stop the channel: log where it is and move on.
      Log.warnf("Skipped unreadable observation topic=%s partition=%d offset=%d key=%s reason=%s",
          record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return evaluations.judge(observation, record.value());
  }
}
