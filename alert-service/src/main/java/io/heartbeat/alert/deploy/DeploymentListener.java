package io.heartbeat.alert.deploy;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Reads heartbeat.deployments (CI/CD pipelines and this service's own API) into the same upsert as the API. An
 * invalid event is logged with what is wrong and acknowledged: it must never hold up the partition behind it.
 */
@ApplicationScoped
public class DeploymentListener {

  public static final String CHANNEL = "deployments";

  private final ObjectMapper mapper;
  private final DeploymentService deployments;

  public DeploymentListener(ObjectMapper mapper, DeploymentService deployments) {
    this.mapper = mapper;
    this.deployments = deployments;
  }

  @Incoming(CHANNEL)
  public Uni<Void> onDeployment(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return skip(record, "no value");
    }
    JsonNode event;
    try {
      event = mapper.readTree(record.value());
    } catch (JsonProcessingException e) {
      // The parser's message quotes the input, which may hold the rollback URL: say only where it failed.
      return skip(record, e.getLocation() == null ? "not JSON"
          : "not JSON at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
    }
    DeploymentReader.Parsed parsed = DeploymentReader.read(event, DeploymentReader.Naming.EVENT,
        deployments.clock().instant());
    if (!parsed.valid()) {
      return skip(record, parsed.problems().stream().map(p -> p.field() + ": " + p.message())
          .collect(Collectors.joining("; ")));
    }
    Deployment deployment = parsed.deployment();
    if (!deployment.service().equals(record.key())) {
      // Still recorded: a deployment never changes, so the order the key would keep does not matter to it.
      Log.warnf("Deployment event keyed by other than its service topic=%s partition=%d offset=%d key=%s service=%s",
          record.topic(), record.partition(), record.offset(), record.key(), deployment.service());
    }
    return deployments.record(deployment).replaceWithVoid();
  }

  private Uni<Void> skip(ConsumerRecord<String, String> record, String reason) {
    Log.warnf("Skipped invalid deployment event topic=%s partition=%d offset=%d key=%s reason=%s",
        record.topic(), record.partition(), record.offset(), record.key(), reason);
    return Uni.createFrom().voidItem();
  }
}
