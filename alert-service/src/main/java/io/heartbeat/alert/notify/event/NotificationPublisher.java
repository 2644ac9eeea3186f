package io.heartbeat.alert.notify.event;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Sends recorded events to heartbeat.notifications, keyed by metricId, and completes once Kafka acknowledged every
 * one. Like messaging.AlertPublisher it writes to the channel's producer itself, the whole batch in flight at once;
 * send order is kept per partition, so one metric's events stay in the order they were recorded. (notify does not
 * import messaging, so the acting half keeps its own small publisher.)
 */
@ApplicationScoped
public class NotificationPublisher {

  public static final String CHANNEL = "notifications";

  private final KafkaClientService clients;
  private final String topic;

  // The emitter declares the channel (and so its producer); events go to the producer itself.
  public NotificationPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService clients,
      @ConfigProperty(name = "mp.messaging.outgoing.notifications.topic") String topic) {
    this.clients = clients;
    this.topic = topic;
  }

  Uni<Void> publishAll(List<NotificationEventRepository.Stored> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom().<Void>emitter(emitter -> {
      Producer<String, String> producer = clients.<String, String>getProducer(CHANNEL).unwrap();
      AtomicInteger left = new AtomicInteger(events.size());
      AtomicBoolean failed = new AtomicBoolean();
      for (NotificationEventRepository.Stored event : events) {
        producer.send(new ProducerRecord<>(topic, event.metricId(), event.json()), (metadata, error) -> {
          if (error != null) {
            if (failed.compareAndSet(false, true)) {
              emitter.fail(error);
            }
          } else if (left.decrementAndGet() == 0) {
            emitter.complete(null);
          }
        });
        if (failed.get()) {
          return;
        }
      }
    })
        // send() may block on a metadata fetch or a full buffer: never on the event loop.
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
