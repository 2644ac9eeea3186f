package io.heartbeat.alert.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heartbeat.alert.Fixtures;
import io.heartbeat.alert.episode.EpisodeTracker;

/**
 * The benchmark's heartbeats and how they fire: 1m metrics with owner thresholds (norm 80, alert 60, trigger one
 * window), stage paging, each given one green window; its next window, at 40, is red and fires the episode on the
 * first bad window. Events go out as compute-service sends them (acks=all, the client's default linger), and each
 * firing observation's publish time is noted right before its send: the end of its window plus compute time.
 */
final class PageEpisodes implements AutoCloseable {

  private final String run;
  private final String registryTopic = config("mp.messaging.incoming.registry.topic");
  private final String observationTopic = config("mp.messaging.incoming.observations.topic");
  private final KafkaProducer<String, String> producer;
  // The window before the one that ended last; its successor, the firing window, has ended too.
  private final Instant green = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));

  /** When one firing observation was sent: nanoTime (against the receivers') and wall clock (against PostgreSQL's). */
  record Published(long nanos, long epochMillis) {
  }

  PageEpisodes(String run) {
    this.run = run;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers"));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(props);
  }

  Instant firingWindow() {
    return green.plus(Duration.ofMinutes(1));
  }

  /** Defines count metrics of this phase owned by team, and sends each its green window. */
  List<String> define(String phase, int count, String team) {
    List<String> metricIds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String metricId = String.format(Locale.ROOT, "%s_%s_%04d", run, phase, i);
      String version = Fixtures.version(metricId, "v1");
      ObjectNode event = Fixtures.definition(metricId, version, "higher_is_better", 80.0, 60.0, "1m", 60);
      producer.send(new ProducerRecord<>(registryTopic, metricId, Fixtures.amend(Fixtures.windows(event, 1, 1),
          d -> d.put("owner", team).put("stage", "paging")).toString()));
      metricIds.add(metricId);
    }
    producer.flush();
    return metricIds;
  }

  /** The green window of each metric (its definition must be in force first, or it waits as pending). */
  void warm(List<String> metricIds) {
    for (String metricId : metricIds) {
      producer.send(new ProducerRecord<>(observationTopic, metricId, observation(metricId, green, 100.0)));
    }
    producer.flush();
  }

  /**
   * Sends each metric's firing window, perSecond of them a second (0: all at once), and returns when each was sent.
   * The observations are built and checked against the contract before the clock starts.
   */
  Map<String, Published> fire(List<String> metricIds, double perSecond) {
    Map<String, String> observations = new LinkedHashMap<>();
    metricIds.forEach(id -> observations.put(id, observation(id, firingWindow(), 40.0)));
    Map<String, Published> published = new LinkedHashMap<>();
    long gap = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    long t0 = System.nanoTime();
    int i = 0;
    for (var entry : observations.entrySet()) {
      // Open-loop pacing: each send has its due time, whatever the service does meanwhile.
      long due = t0 + i++ * gap;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      published.put(entry.getKey(), new Published(System.nanoTime(), System.currentTimeMillis()));
      producer.send(new ProducerRecord<>(observationTopic, entry.getKey(), entry.getValue()));
    }
    producer.flush();
    return published;
  }

  private String observation(String metricId, Instant windowStart, double value) {
    return Fixtures.observation(metricId, Fixtures.version(metricId, "v1"), windowStart, 60, "ok", value, null,
        null).toString();
  }

  /** The episode's dedup key: the series total's first bad window. */
  String episodeKey(String metricId) {
    return EpisodeTracker.dedupKey(metricId, "*", firingWindow());
  }

  private static String config(String key) {
    return ConfigProvider.getConfig().getValue(key, String.class);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
