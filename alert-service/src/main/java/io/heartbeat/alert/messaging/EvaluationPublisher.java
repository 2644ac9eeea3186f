package io.heartbeat.alert.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.Written;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** Publishes evaluations on heartbeat.evaluations, keyed by metricId. */
@ApplicationScoped
public class EvaluationPublisher {

  public static final String CHANNEL = "evaluations";

  private final KafkaClientService clients;
  private final String topic;
  private final MeterRegistry registry;
  private final Map<String, Counter> published = new ConcurrentHashMap<>();

  // The emitter declares the channel (and so its producer); batches go to the producer itself (KeyedSends).
  public EvaluationPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients,
      @ConfigProperty(name = "mp.messaging.outgoing.evaluations.topic") String topic, MeterRegistry registry) {
    this.clients = clients;
    this.topic = topic;
    this.registry = registry;
  }

  /** Completes when Kafka acknowledged every record, so the caller may commit only what was really sent. */
  public Uni<Void> publishAll(List<Written<EvaluationEvent>> evaluations) {
    return KeyedSends.all(clients, CHANNEL, topic, evaluations, w -> w.event().metricId(),
        w -> counter(w.event().status()).increment());
  }

  private Counter counter(String status) {
    return published.computeIfAbsent(status,
        s -> registry.counter("heartbeat.evaluations.published", "status", s));
  }
}
