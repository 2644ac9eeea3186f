package io.heartbeat.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what the service really published on a topic, from the beginning, with a throwaway consumer group. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  public TopicReader(String topicSuffix) {
    var config = ConfigProvider.getConfig();
    String prefix = config.getOptionalValue("HEARTBEAT_TOPIC_PREFIX", String.class).orElse("");
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(prefix + topicSuffix));
  }

  /** Everything read so far, after one more poll. */
  public List<ConsumerRecord<String, String>> poll() {
    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
