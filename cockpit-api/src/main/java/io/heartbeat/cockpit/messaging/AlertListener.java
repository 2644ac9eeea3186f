package io.heartbeat.cockpit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.model.AlertEvent;
import io.heartbeat.cockpit.service.AlertProjection;
import io.smallrye.mutiny.Uni;

/** Reads heartbeat.alerts (episode steps, keyed by metric, in order per metric) into the cockpit's episodes. */
@ApplicationScoped
public class AlertListener {

  public static final String CHANNEL = "alerts";

  private final ObjectMapper mapper;
  private final AlertProjection projection;
  private final EventTally tally;

  public AlertListener(ObjectMapper mapper, AlertProjection projection, EventTally tally) {
    this.mapper = mapper;
    this.projection = projection;
    this.tally = tally;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return tally.skip(CHANNEL, record, "null value");
    }
    AlertEvent step;
    try {
      step = mapper.readValue(record.value(), AlertEvent.class);
    } catch (JsonProcessingException e) {
      return tally.skip(CHANNEL, record, e.getOriginalMessage());
    }
    if (step == null || !step.complete()) {
      return tally.skip(CHANNEL, record, "required alert step fields missing or unknown type");
    }
    return tally.settle(CHANNEL, projection.apply(step));
  }
}
