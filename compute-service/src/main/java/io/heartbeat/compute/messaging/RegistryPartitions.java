package io.heartbeat.compute.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * The heartbeat.registry partitions the consumer group assigned to this instance. Each instance computes only the
 * metrics whose events arrive on its partitions, so Kafka's group protocol splits the work and moves it to the
 * survivors when an instance dies: no coordinator of our own.
 */
@ApplicationScoped
@Default
@Identifier(RegistryPartitions.NAME)
public class RegistryPartitions implements KafkaConsumerRebalanceListener {

  public static final String NAME = "compute-registry-partitions";

  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> owned.add(partition.partition()));
    Log.infof("registry partitions assigned added=%s owned=%s", numbers(partitions), owned());
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> owned.remove(partition.partition()));
    Log.infof("registry partitions revoked removed=%s owned=%s", numbers(partitions), owned());
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> owned.remove(partition.partition()));
    Log.warnf("registry partitions lost removed=%s owned=%s", numbers(partitions), owned());
  }

  /** A snapshot, sorted. */
  public Set<Integer> owned() {
    return new TreeSet<>(owned);
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    Set<Integer> numbers = new TreeSet<>();
    partitions.forEach(partition -> numbers.add(partition.partition()));
    return numbers;
  }
}
