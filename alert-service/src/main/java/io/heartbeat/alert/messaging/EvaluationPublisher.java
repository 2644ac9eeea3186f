package io.heartbeat.alert.messaging;

import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.EvaluationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** Publishes evaluations on heartbeat.evaluations, keyed by metricId. */
@ApplicationScoped
public class EvaluationPublisher {

  public static final String CHANNEL = "evaluations";

  private final MutinyEmitter<String> emitter;
  private final MeterRegistry registry;

  public EvaluationPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry registry) {
    this.emitter = emitter;
    this.registry = registry;
  }

  /** Completes when Kafka acknowledged the record, so the caller may commit only what was really sent. */
  public Uni<Void> publish(EvaluationEvent event, String json) {
    return emitter.sendMessage(KafkaRecord.of(event.metricId(), json))
        .invoke(() -> {
          registry.counter("heartbeat.evaluations.published", "status", event.status()).increment();
          Log.debugf("Evaluation published metricId=%s id=%s status=%s", event.metricId(), event.id(),
              event.status());
        });
  }
}
