package io.heartbeat.alert.messaging;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.Written;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** Publishes alert steps (firing, escalated, resolved) on heartbeat.alerts, keyed by metricId. */
@ApplicationScoped
public class AlertPublisher {

  public static final String CHANNEL = "alerts";

  private final KafkaClientService clients;
  private final String topic;

  // The emitter declares the channel (and so its producer); steps go to the producer itself (KeyedSends).
  public AlertPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients,
      @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic") String topic) {
    this.clients = clients;
    this.topic = topic;
  }

  /** Completes when Kafka acknowledged every record. */
  public Uni<Void> publishAll(List<Written<AlertEvent>> alerts) {
    return KeyedSends.all(clients, CHANNEL, topic, alerts, w -> w.event().metricId(), w -> Log.infof(
        "Alert published type=%s metricId=%s dedupKey=%s status=%s", w.event().type(), w.event().metricId(),
        w.event().dedupKey(), w.event().status()));
  }
}
