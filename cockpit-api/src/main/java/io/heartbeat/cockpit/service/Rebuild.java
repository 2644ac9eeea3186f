package io.heartbeat.cockpit.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.cockpit.messaging.AlertListener;
import io.heartbeat.cockpit.messaging.DeploymentListener;
import io.heartbeat.cockpit.messaging.EvaluationListener;
import io.heartbeat.cockpit.messaging.NotificationListener;
import io.heartbeat.cockpit.messaging.RegistryListener;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Rebuilds the read model from the topics: the cockpit owns no fact of its own, so dropping its tables and reading
 * every topic from the beginning must reach the same state. Used after a schema change or a suspected drift. The
 * stream journal is kept: replayed changes have the keys they had, so no client is sent them again.
 */
@ApplicationScoped
public class Rebuild {

  static final List<String> CHANNELS = List.of(RegistryListener.CHANNEL, EvaluationListener.CHANNEL,
      AlertListener.CHANNEL, DeploymentListener.CHANNEL, NotificationListener.CHANNEL);

  private final KafkaClientService kafka;
  private final Pool pool;

  public Rebuild(KafkaClientService kafka, Pool pool) {
    this.kafka = kafka;
    this.pool = pool;
  }

  /** What a rebuild did. */
  public record Started(Instant at, List<String> channels) {
  }

  public Uni<Started> start() {
    Instant at = Instant.now();
    List<KafkaConsumer<Object, Object>> consumers = CHANNELS.stream()
        .flatMap(channel -> kafka.<Object, Object>getConsumers(channel).stream()).toList();
    return each(consumers, KafkaConsumer::pause)
        // Records fetched before the pause are let through before the tables go, so none lands after the truncate.
        .onItem().delayIt().by(Duration.ofSeconds(1))
        .chain(() -> pool.withTransaction(conn -> conn.query("""
            truncate cockpit.metric, cockpit.tile, cockpit.series_point, cockpit.slice_point,
              cockpit.alert_episode, cockpit.alert_notice, cockpit.deployment
            """).execute()))
        .chain(() -> each(consumers, c -> c.getAssignments().chain(c::seekToBeginning)))
        .chain(() -> each(consumers, KafkaConsumer::resume))
        .invoke(() -> Log.infof("read model rebuild started: tables truncated, %d consumers reading %s from the"
            + " beginning", consumers.size(), CHANNELS))
        .map(done -> new Started(at, CHANNELS));
  }

  private static Uni<Void> each(List<KafkaConsumer<Object, Object>> consumers,
      java.util.function.Function<KafkaConsumer<Object, Object>, Uni<?>> action) {
    return Multi.createFrom().iterable(consumers).onItem().transformToUniAndConcatenate(action::apply)
        .collect().last().replaceWithVoid();
  }
}
