package io.heartbeat.compute.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.heartbeat.compute.messaging.RegistryPartitions;
import io.heartbeat.compute.service.InstanceId;

/**
 * Shows which heartbeat.registry partitions (and so which metrics) this instance computes. Always UP: an instance
 * without partitions is a valid standby that takes over when another one leaves.
 */
@Readiness
@ApplicationScoped
public class PartitionReadiness implements HealthCheck {

  private final RegistryPartitions partitions;
  private final InstanceId instance;

  public PartitionReadiness(RegistryPartitions partitions, InstanceId instance) {
    this.partitions = partitions;
    this.instance = instance;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("Registry partitions").up()
        .withData("instance", instance.value())
        .withData("partitions", partitions.owned().toString())
        .build();
  }
}
