package io.heartbeat.alert.deploy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** Publishes a deployment recorded through the API on heartbeat.deployments, keyed by service. */
@ApplicationScoped
public class DeploymentPublisher {

  public static final String CHANNEL = "deployments-out";

  private final MutinyEmitter<String> channel;
  private final ObjectMapper mapper;

  public DeploymentPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, ObjectMapper mapper) {
    this.channel = channel;
    this.mapper = mapper;
  }

  /** Completes when Kafka acknowledged the record. */
  public Uni<Void> publish(Deployment deployment) {
    String json;
    try {
      json = mapper.writeValueAsString(DeploymentEvent.of(deployment));
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(new IllegalStateException("deployment event not serializable", e));
    }
    return channel.sendMessage(KafkaRecord.of(deployment.service(), json));
  }
}
