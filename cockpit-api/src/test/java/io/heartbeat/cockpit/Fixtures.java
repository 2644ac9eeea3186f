package io.heartbeat.cockpit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Builds registry and evaluation events valid against docs/events and publishes them on the test's topics. */
public final class Fixtures {

  public static final String REGISTRY = "registry";
  public static final String EVALUATIONS = "evaluations";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private static final JsonSchema DEFINITION_SCHEMA = schema("metric-definition.v1.json");
  private static final JsonSchema EVALUATION_SCHEMA = schema("evaluation.v1.json");
  private static final JsonSchema ALERT_SCHEMA = schema("alert.v1.json");
  private static final JsonSchema DEPLOYMENT_SCHEMA = schema("deployment.v1.json");
  private static final JsonSchema NOTIFICATION_SCHEMA = schema("notification.v1.json");
  public static final String NOTIFICATIONS = "notifications";
  public static final String ALERTS = "alerts";
  public static final String DEPLOYMENTS = "deployments";
  private static KafkaProducer<String, String> producer;

  private Fixtures() {
  }

  /** A metric id unique to this test run, so rows from earlier runs in heartbeat_test never interfere. */
  public static String metricId(String label) {
    return "ct_" + label + "_" + RUN;
  }

  /** A 4-character code unique enough for one run. */
  public static String code() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
  }

  /** A window start inside the sparkline retention: the current hour minus steps of 5 minutes. */
  public static Instant window(int stepsBack) {
    return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(5L * stepsBack));
  }

  public static ObjectNode defined(String metricId, String code, String name, Instant publishedAt) {
    String version = sha256(metricId + "|" + name + "|" + publishedAt).substring(0, 16);
    ObjectNode event = MAPPER.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256("metric.defined|" + metricId + "|" + version))
        .put("type", "metric.defined")
        .put("metricId", metricId)
        .put("version", version)
        .put("state", "valid")
        .put("publishedAt", publishedAt.toString());
    ObjectNode d = event.putObject("definition")
        .put("name", name).put("code", code).put("period", "5m").put("periodSeconds", 300)
        .put("direction", "higher_is_better").put("unit", "msg/min")
        .put("howToRead", "Messages created per minute; a drop means users cannot send.")
        .put("methodology", "count of messages.created_at in the window")
        .put("valueSql", "select count(*) as value from marts.messages where created_at >= :window_start and created_at < :window_end")
        .putNull("dimension")
        .put("normValue", 80.0).put("alertValue", 40.0).put("targetValue", 120.0).put("targetDueDate", "2027-06-30")
        .putNull("benchmarkMean").putNull("benchmarkStddev")
        .putNull("runbook").put("owner", "messaging-team").put("stage", "unverified").putNull("verificationState");
    d.putArray("sources").add("marts.messages");
    d.putObject("anomaly").put("enabled", true).put("sensitivity", 3.0).put("triggerWindows", 2)
        .put("recoveryWindows", 2).put("minHistoryWindows", 12);
    d.putArray("slas").add("core-platform");
    d.putArray("linkedServices").add("messaging-api");
    event.putArray("problems");
    return valid(event, DEFINITION_SCHEMA);
  }

  public static ObjectNode removed(String metricId, Instant publishedAt) {
    String version = sha256(metricId + "|removed").substring(0, 16);
    ObjectNode event = MAPPER.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256("metric.removed|" + metricId + "|" + version))
        .put("type", "metric.removed")
        .put("metricId", metricId)
        .put("version", version)
        .put("state", "removed")
        .put("publishedAt", publishedAt.toString());
    event.putNull("definition");
    event.putArray("problems");
    return valid(event, DEFINITION_SCHEMA);
  }

  public static ObjectNode evaluation(String metricId, Instant windowStart, String status, Double value,
      Instant evaluatedAt) {
    return evaluation(metricId, windowStart, status, value, evaluatedAt, true);
  }

  /** The evaluation, checked against the schema unless check is false (a benchmark checks a sample instead). */
  public static ObjectNode evaluation(String metricId, Instant windowStart, String status, Double value,
      Instant evaluatedAt, boolean check) {
    String observationId = sha256(metricId + "|" + windowStart);
    String definitionVersion = sha256(metricId).substring(0, 16);
    ObjectNode event = MAPPER.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256(observationId + "|" + definitionVersion))
        .put("observationId", observationId)
        .put("metricId", metricId)
        .put("definitionVersion", definitionVersion)
        .put("period", "5m")
        .put("windowStart", windowStart.toString())
        .put("windowEnd", windowStart.plus(Duration.ofMinutes(5)).toString())
        .put("value", value)
        .put("status", status)
        .put("rule", status + ": value " + value + " judged against norm 80 and alert 40")
        .put("direction", "higher_is_better")
        .putNull("dimension")
        .put("evaluatedAt", evaluatedAt.toString());
    event.putObject("thresholds").put("normValue", 80.0).put("alertValue", 40.0).put("targetValue", 120.0)
        .put("targetDueDate", "2027-06-30");
    return check ? valid(event, EVALUATION_SCHEMA) : event;
  }

  /** The evaluation with an anomaly band, as alert-service sends it once the band has warmed up. */
  public static ObjectNode withBand(ObjectNode evaluation, double expected, double lower, double upper) {
    evaluation.putObject("band").put("expected", expected).put("lower", lower).put("upper", upper);
    return valid(evaluation, EVALUATION_SCHEMA);
  }

  /** The evaluation as one window of a metric's history: "learning history: X of Y windows; " before its rule. */
  public static ObjectNode learning(ObjectNode evaluation, int window, int windows) {
    String prefix = window == windows
        ? String.format(Locale.ROOT, "history learned: %,d windows; ", windows)
        : String.format(Locale.ROOT, "learning history: %,d of %,d windows; ", window, windows);
    evaluation.put("rule", prefix + evaluation.get("rule").asText());
    return valid(evaluation, EVALUATION_SCHEMA);
  }

  /** Fails when the evaluation breaks docs/events/evaluation.v1.json. */
  public static ObjectNode checkEvaluation(ObjectNode evaluation) {
    return valid(evaluation, EVALUATION_SCHEMA);
  }

  /** The same evaluation about one customer slice instead of the metric as a whole. */
  public static ObjectNode forCustomer(ObjectNode evaluation, String customer) {
    ObjectNode sliced = evaluation.deepCopy();
    sliced.putObject("dimension").put("kind", "customer").put("value", customer);
    sliced.put("id", sha256(evaluation.get("id").asText() + "|" + customer));
    return valid(sliced, EVALUATION_SCHEMA);
  }

  /** One step of an alert episode of the metric total, valid against docs/events/alert.v1.json. */
  public static ObjectNode alertStep(String metricId, String type, String status, String previousStatus,
      Instant episodeStart, Instant windowStart, Instant occurredAt) {
    String dedupKey = sha256(metricId + "|*|" + episodeStart);
    ObjectNode step = MAPPER.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256(dedupKey + "|" + type + "|" + windowStart))
        .put("type", type)
        .put("dedupKey", dedupKey)
        .put("metricId", metricId)
        .putNull("dimension")
        .put("definitionVersion", sha256(metricId).substring(0, 16))
        .put("stage", "paging")
        .put("status", status)
        .put("episodeStart", episodeStart.toString())
        .put("reason", type + ": " + status + " for 2 windows (trigger 2)")
        .put("occurredAt", occurredAt.toString());
    step.put("previousStatus", previousStatus);
    ObjectNode evidence = step.putObject("evidence")
        .put("evaluationId", sha256(metricId + "|" + windowStart + "|evaluation"))
        .put("windowStart", windowStart.toString())
        .put("windowEnd", windowStart.plus(Duration.ofMinutes(5)).toString())
        .put("value", 12.0)
        .put("status", "resolved".equals(type) ? "green" : status)
        .put("rule", "value 12 below alert 40");
    evidence.putObject("band").put("expected", 90.0).put("lower", 70.0).put("upper", 110.0);
    evidence.putObject("thresholds").put("normValue", 80.0).put("alertValue", 40.0).put("targetValue", 120.0)
        .put("targetDueDate", "2027-06-30");
    evidence.putNull("typical");
    return valid(step, ALERT_SCHEMA);
  }

  /** A notification of kind context for a step of an episode, valid against notification.v1.json. */
  public static ObjectNode contextNotice(String metricId, String dedupKey, String step, Instant at) {
    ObjectNode event = notice("context", metricId, dedupKey, dedupKey + "|context|" + step, at)
        .put("series", "*").put("step", step);
    ObjectNode context = event.putObject("context");
    context.putArray("suggestedActions").addObject().put("rule", "recent_deploy")
        .put("text", "Roll back messaging-api 2.0.1").put("why", "deployed 4 min before the drop began");
    context.putArray("recentDeploys").addObject().put("service", "messaging-api").put("version", "2.0.1")
        .put("environment", "production").put("finishedAt", at.minusSeconds(240).toString()).put("commit", "3f9c2ab")
        .put("author", "ci");
    context.putObject("rollback").put("state", "started").put("detail", "rollback of messaging-api 2.0.1 started")
        .put("service", "messaging-api").put("version", "2.0.1");
    context.putArray("otherFailing");
    context.putArray("topDimensions").addObject().put("value", 1.0).put("expected", 40.0).put("changePercent", -97.5)
        .putObject("dimension").put("kind", "customer").put("value", "acme");
    return valid(event, NOTIFICATION_SCHEMA);
  }

  /** A notification of kind rollback, valid against notification.v1.json. */
  public static ObjectNode rollbackNotice(String metricId, String dedupKey, String state, Instant at) {
    return valid(notice("rollback", metricId, dedupKey, dedupKey + "|rollback|" + state, at)
        .put("state", state).put("detail", "rollback of messaging-api 2.0.1 " + state).put("service", "messaging-api")
        .put("version", "2.0.1").put("deploymentId", sha256("messaging-api|2.0.1")), NOTIFICATION_SCHEMA);
  }

  /** A notification of kind delivery (one attempt's outcome), valid against notification.v1.json. */
  public static ObjectNode deliveryNotice(String metricId, String dedupKey, String receiver, String step,
      String outcome, int attempts, Instant at) {
    ObjectNode event = notice("delivery", metricId, dedupKey,
        dedupKey + "|delivery|" + receiver + "|" + step + "|" + attempts, at)
        .put("receiver", receiver).put("channel", "pagerduty").put("step", step).put("outcome", outcome)
        .put("attempts", attempts);
    if ("retrying".equals(outcome)) {
      event.put("httpStatus", 503).put("nextAttemptAt", at.plusSeconds(2).toString());
    } else {
      event.put("httpStatus", 202).putNull("nextAttemptAt");
    }
    return valid(event, NOTIFICATION_SCHEMA);
  }

  private static ObjectNode notice(String kind, String metricId, String dedupKey, String idSource, Instant at) {
    return MAPPER.createObjectNode().put("schemaVersion", 1).put("id", sha256(idSource)).put("kind", kind)
        .put("dedupKey", dedupKey).put("metricId", metricId).put("occurredAt", at.toString());
  }

  /** The dedup key alert-service gives the episode of a metric total that started at episodeStart. */
  public static String dedupKey(String metricId, Instant episodeStart) {
    return sha256(metricId + "|*|" + episodeStart);
  }

  /** A deploy as alert-service publishes it on heartbeat.deployments, valid against deployment.v1.json. */
  public static ObjectNode deployment(String service, String version, Instant finishedAt) {
    ObjectNode event = MAPPER.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256(service + "|" + version + "|production|" + finishedAt))
        .put("service", service)
        .put("version", version)
        .put("environment", "production")
        .put("startedAt", finishedAt.minusSeconds(60).toString())
        .put("finishedAt", finishedAt.toString())
        .put("commit", "3f9c2ab")
        .put("author", "ci")
        .put("rollbackUrl", "https://deploy.example/rollback/" + service);
    return valid(event, DEPLOYMENT_SCHEMA);
  }

  /** Publishes a raw value (null for a tombstone) keyed by metricId on the channel's topic and waits for the ack. */
  public static void send(String channel, String key, String value) {
    String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    try {
      producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }

  public static void send(String channel, String key, JsonNode event) {
    send(channel, key, event.toString());
  }

  /** Publishes the events in order without waiting between them (so they tend to share a poll), then waits for all. */
  public static void sendAll(String channel, String key, List<? extends JsonNode> events) {
    String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    events.forEach(event -> sent.add(producer().send(new ProducerRecord<>(topic, key, event.toString()))));
    try {
      for (Future<RecordMetadata> ack : sent) {
        ack.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }

  private static ObjectNode valid(ObjectNode event, JsonSchema schema) {
    Set<ValidationMessage> errors = schema.validate(event);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("fixture breaks the contract: " + errors + " in " + event);
    }
    return event;
  }

  private static JsonSchema schema(String file) {
    try (InputStream in = Files.newInputStream(Path.of("../docs/events", file))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read ../docs/events/" + file, e);
    }
  }

  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
