package io.heartbeat.cockpit.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.heartbeat.cockpit.model.EvaluationEvent;
import io.heartbeat.cockpit.service.EvaluationProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads heartbeat.evaluations into tiles and sparkline points, one poll at a time (batch=true): a fresh install's
 * history burst is some 160,000 evaluations within minutes, too many for a transaction per record.
 */
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
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return Uni.createFrom().item(() -> read(records))
        // Parsing a poll of JSON (thousands of records in a burst) is CPU work: off the event loop.
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(events -> events.isEmpty()
            ? Uni.createFrom().voidItem()
            : tally.settleAll(CHANNEL, projection.apply(events)));
  }

  private List<EvaluationEvent> read(ConsumerRecords<String, String> records) {
    List<EvaluationEvent> events = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> record : records) {
      EvaluationEvent event = read(record);
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  /** The record's evaluation, or null after counting it as poison. */
  private EvaluationEvent read(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      tally.poison(CHANNEL, record, "null value");
      return null;
    }
    EvaluationEvent event;
    try {
      event = mapper.readValue(record.value(), EvaluationEvent.class);
    } catch (JsonProcessingException e) {
      tally.poison(CHANNEL, record, e.getOriginalMessage());
      return null;
    }
    if (event == null || !event.complete()) {
      tally.poison(CHANNEL, record, "required evaluation fields missing");
      return null;
    }
    return event;
  }
}
