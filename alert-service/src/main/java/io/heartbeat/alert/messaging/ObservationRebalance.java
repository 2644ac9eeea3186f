package io.heartbeat.alert.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * After a rebalance Kafka would restart a partition at its committed offset, the last checkpoint, although the series
 * states in memory already went further: resume where this service stood instead. A batch in flight may then come
 * twice; the second time its windows are late and change nothing.
 */
@ApplicationScoped
@Identifier(ObservationRebalance.NAME)
public class ObservationRebalance implements KafkaConsumerRebalanceListener {

  public static final String NAME = "observations-rebalance";

  private final ObservationOffsets offsets;

  public ObservationRebalance(ObservationOffsets offsets) {
    this.offsets = offsets;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Long position = offsets.position(partition);
      if (position != null) {
        consumer.seek(partition, position);
        Log.infof("Observations resumed topic=%s partition=%d offset=%d", partition.topic(), partition.partition(),
            position);
      }
    }
  }
}
