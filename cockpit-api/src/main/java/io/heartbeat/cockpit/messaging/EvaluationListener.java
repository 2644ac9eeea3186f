package io.heartbeat.cockpit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.service.EvaluationProjection;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads heartbeat.evaluations into tiles and sparkline points. */
@ApplicationScoped
public class EvaluationListener {

  public static final String CHANNEL = "evaluations";

  private final ObjectMapper mapper;
  private final EvaluationProjection projection;
  private final EventTally tally;

  public EvaluationListener(ObjectMapper mapper, EvaluationProjection projection, EventTally tally) {
    this.mapper = mapper;
    this.projection = projection;
    this.tally = tally;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return tally.skip(CHANNEL, record, "null value");
    }
    EvaluationEvent event;
    try {
      event = mapper.readValue(record.value(), EvaluationEvent.class);
    } catch (JsonProcessingException e) {
      return tally.skip(CHANNEL, record, e.getOriginalMessage());
    }
    if (event == null || !event.complete()) {
      return tally.skip(CHANNEL, record, "required evaluation fields missing");
    }
    return tally.settle(CHANNEL, projection.apply(event));
  }
}
