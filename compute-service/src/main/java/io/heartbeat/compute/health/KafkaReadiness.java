package io.heartbeat.compute.health;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness DOWN within seconds when the Kafka cluster does not answer. Quarkus' own Kafka check waits for the admin
 * client's default API timeout (60 s), longer than any readiness probe, so this one bounds the call itself.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements AsyncHealthCheck {

  private static final int TIMEOUT_MS = 3_000;
  private final Admin admin;

  public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>();
    // The same connection settings (bootstrap, TLS, SASL) as the service's consumers and producers.
    kafka.forEach((key, value) -> {
      if (AdminClientConfig.configNames().contains(key)) {
        config.put(key, value);
      }
    });
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "compute-service-readiness");
    this.admin = Admin.create(config);
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return Uni.createFrom()
        .completionStage(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
            .toCompletionStage())
        .map(nodes -> HealthCheckResponse.named("Kafka cluster").up().withData("nodes", nodes.size()).build())
        .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Kafka cluster").down()
            .withData("reason", String.valueOf(e.getMessage())).build());
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
