import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Heartbeat's topics (idempotent) in one JVM start, instead of one kafka-topics call per topic.
 * Usage: java -cp 'lib/*' CreateTopics.java <bootstrap> <prefix>
 */
public class CreateTopics {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String prefix = args.length > 1 ? args[1] : "";
    // Registry is compacted: the latest definition per metric_id is the state. The others are event streams.
    Map<String, Map<String, String>> topics = Map.of(
        "heartbeat.registry", Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"),
        "heartbeat.observations", Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7))),
        "heartbeat.evaluations", Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7))),
        "heartbeat.alerts", Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(30))),
        "heartbeat.deployments", Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(30))),
        "heartbeat.notifications", Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(30))));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> wanted = new ArrayList<>();
      topics.forEach((name, config) -> {
        if (!existing.contains(prefix + name)) {
          wanted.add(new NewTopic(prefix + name, 3, (short) 1).configs(config));
        }
      });
      if (!wanted.isEmpty()) {
        admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
      }
      System.out.println("topics ready: " + topics.keySet().stream().map(t -> prefix + t).sorted().toList()
          + " (created " + wanted.size() + ")");
    }
  }
}
