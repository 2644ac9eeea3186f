package io.heartbeat.alert.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.heartbeat.alert.model.Written;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Sends a batch of events straight to the channel's Kafka producer and completes once every one is acknowledged. All
 * of a batch is in flight at once (bounded by the batch size and the producer's buffer), so the producer packs them
 * into a few requests instead of a round trip per chunk; send order is kept, so one metric's events stay in order.
 */
final class KeyedSends {

  private KeyedSends() {
  }

  static <T> Uni<Void> all(KafkaClientService clients, String channel, String topic, List<Written<T>> events,
      Function<Written<T>, String> key, Consumer<Written<T>> onSent) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom().<Void>emitter(emitter -> {
      Producer<String, String> producer = clients.<String, String>getProducer(channel).unwrap();
      AtomicInteger left = new AtomicInteger(events.size());
      AtomicBoolean failed = new AtomicBoolean();
      for (Written<T> event : events) {
        producer.send(new ProducerRecord<>(topic, key.apply(event), event.json()), (metadata, error) -> {
          if (error != null) {
            if (failed.compareAndSet(false, true)) {
              emitter.fail(error);
            }
            return;
          }
          int remaining = left.decrementAndGet();
          if (remaining < 0) {
            Log.warnf("Send acknowledged twice topic=%s remaining=%d", topic, remaining);
            return;
          }
          onSent.accept(event);
          if (remaining == 0) {
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
