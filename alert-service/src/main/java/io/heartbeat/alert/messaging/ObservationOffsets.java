package io.heartbeat.alert.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.heartbeat.alert.service.Backlog;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Offsets of heartbeat.observations as this service handles them: committed only by a checkpoint (commit-strategy
 * ignore), so the committed offset is always one whose series states are in PostgreSQL; and the position after each
 * batch handed to the judgement, so a rebalance resumes there instead of at the (older) committed offset.
 */
@ApplicationScoped
public class ObservationOffsets implements Backlog {

  private final KafkaClientService clients;
  private final Map<TopicPartition, Long> delivered = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> askedEnds = new ConcurrentHashMap<>();

  public ObservationOffsets(KafkaClientService clients) {
    this.clients = clients;
  }

  /** The offset after the last record of each partition in the batch. */
  public static Map<TopicPartition, Long> next(ConsumerRecords<?, ?> records) {
    Map<TopicPartition, Long> next = new HashMap<>();
    for (ConsumerRecord<?, ?> record : records) {
      next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
    }
    return next;
  }

  void delivered(Map<TopicPartition, Long> next) {
    next.forEach((partition, offset) -> delivered.merge(partition, offset, Math::max));
  }

  /** Where this service stands in a partition, or null when it has not read from it. */
  Long position(TopicPartition partition) {
    return delivered.get(partition);
  }

  /**
   * True when every record that was on the assigned partitions at the previous call has since been handed to the
   * judgement (and the judgement lane judges in order): the stale check asks before it blames a metric for a
   * silence that is only this service's own backlog, e.g. after it was down for twenty minutes.
   */
  @Override
  public Uni<Boolean> caughtUpSinceLastAsked() {
    if (!clients.getConsumerChannels().contains(ObservationListener.CHANNEL)) {
      return Uni.createFrom().item(false);
    }
    KafkaConsumer<Object, Object> consumer = clients.getConsumer(ObservationListener.CHANNEL);
    return consumer.runOnPollingThread(c -> {
      Map<TopicPartition, Long> reached = new HashMap<>();
      Map<TopicPartition, Long> ends = c.endOffsets(c.assignment());
      // Before this process handed anything of a partition on, its position is where it stands.
      ends.keySet().forEach(p -> reached.put(p, delivered.getOrDefault(p, c.position(p))));
      return new Standing(ends, reached);
    }).map(standing -> {
      Map<TopicPartition, Long> ends = standing.ends();
      Map<TopicPartition, Long> reached = standing.reached();
      Map<TopicPartition, Long> before = Map.copyOf(askedEnds);
      askedEnds.clear();
      askedEnds.putAll(ends);
      if (ends.isEmpty()) {
        return false;
      }
      for (TopicPartition partition : ends.keySet()) {
        Long target = before.get(partition);
        if (target == null || reached.get(partition) < target) {
          return false;
        }
      }
      return true;
    });
  }

  /** Commits the offsets of the partitions still assigned; completes at once when there is nothing to commit. */
  public Uni<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty() || !clients.getConsumerChannels().contains(ObservationListener.CHANNEL)) {
      return Uni.createFrom().voidItem();
    }
    KafkaConsumer<Object, Object> consumer = clients.getConsumer(ObservationListener.CHANNEL);
    return consumer.getAssignments().chain(assigned -> {
      Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(offsets);
      owned.keySet().retainAll(assigned);
      return owned.isEmpty() ? Uni.createFrom().voidItem() : consumer.commit(owned);
    });
  }

  /** The end of each assigned partition and how far this service got in it, read together. */
  private record Standing(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> reached) {
  }
}
