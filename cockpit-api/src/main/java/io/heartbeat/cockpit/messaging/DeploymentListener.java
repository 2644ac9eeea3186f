package io.heartbeat.cockpit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.model.DeploymentEvent;
import io.heartbeat.cockpit.repository.DeploymentRepository;
import io.heartbeat.cockpit.service.Outcome;
import io.smallrye.mutiny.Uni;

/** Reads heartbeat.deployments so charts can mark the deploys of a metric's linked services. */
@ApplicationScoped
public class DeploymentListener {

  public static final String CHANNEL = "deployments";

  private final ObjectMapper mapper;
  private final DeploymentRepository deployments;
  private final EventTally tally;

  public DeploymentListener(ObjectMapper mapper, DeploymentRepository deployments, EventTally tally) {
    this.mapper = mapper;
    this.deployments = deployments;
    this.tally = tally;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return tally.skip(CHANNEL, record, "null value");
    }
    DeploymentEvent deploy;
    try {
      deploy = mapper.readValue(record.value(), DeploymentEvent.class);
    } catch (JsonProcessingException e) {
      return tally.skip(CHANNEL, record, e.getOriginalMessage());
    }
    if (deploy == null || !deploy.complete()) {
      return tally.skip(CHANNEL, record, "required deployment fields missing");
    }
    return tally.settle(CHANNEL, deployments.insert(deploy).map(stored -> stored ? Outcome.APPLIED : Outcome.SUPERSEDED));
  }
}
