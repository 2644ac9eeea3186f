package io.heartbeat.compute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real PostgreSQL and Kafka access for tests: marts rows, heartbeat_test SQL, registry events. */
public final class Fixtures {

  private static final String PG = "jdbc:postgresql://" + env("HEARTBEAT_PG_HOST", "127.0.0.1") + ":"
      + env("HEARTBEAT_PG_PORT", "5432") + "/";

  /** The definition version {@link DefinitionEvents} uses unless told otherwise. */
  public static final String VERSION = "0123456789abcdef";

  private Fixtures() {
  }

  public static Connection marts() throws SQLException {
    return DriverManager.getConnection(PG + martsDatabase(), "postgres", "postgres");
  }

  public static String martsDatabase() {
    return env("HEARTBEAT_MARTS_DB", "heartbeat_marts_test");
  }

  public static Connection heartbeat() throws SQLException {
    return DriverManager.getConnection(PG + heartbeatDatabase(), "postgres", "postgres");
  }

  /** The services' database the tests use (compute's own schema lives there). */
  public static String heartbeatDatabase() {
    return env("HEARTBEAT_DB", "heartbeat_test");
  }

  /** A connection as {@code role} (no password: the local cluster trusts 127.0.0.1). */
  public static Connection connectAs(String database, String role) throws SQLException {
    return DriverManager.getConnection(PG + database, role, "");
  }

  /** A metric id matching the contract's pattern, new for every test. */
  public static String metricId(String purpose) {
    return "ct_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Inserts {@code count} fixture rows of one region at {@code at}, tagged with the run (= metric id). */
  public static void insertRows(String run, Instant at, String region, int count) throws SQLException {
    try (Connection connection = marts();
        PreparedStatement insert = connection.prepareStatement(
            "insert into marts.compute_fixture (created_at, region, run) values (?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        insert.setTimestamp(1, Timestamp.from(at));
        insert.setString(2, region);
        insert.setString(3, run);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  public static String topic(String property) {
    return ConfigProvider.getConfig().getValue(property, String.class);
  }

  public static String registryTopic() {
    return topic("mp.messaging.incoming.registry.topic");
  }

  public static String observationsTopic() {
    return topic("mp.messaging.outgoing.observations.topic");
  }

  public static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /**
   * Sends a raw registry record (null value = tombstone) and waits for the broker's acknowledgement.
   *
   * @return the partition the record landed on
   */
  public static int sendRegistry(String key, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      return producer.send(new ProducerRecord<>(registryTopic(), key, value)).get().partition();
    }
  }

  /**
   * Writes a metric straight into compute.metric, as a service that was down finds it in its own state:
   * in force since {@code activeSince}, on registry partition {@code partition} (null: any instance computes it).
   */
  public static void insertMetric(String metricId, String sql, Instant activeSince, Integer partition)
      throws Exception {
    try (Connection connection = heartbeat(); PreparedStatement insert = connection.prepareStatement(
        "insert into compute.metric (metric_id, version, definition, state, published_at, active_since, "
            + "registry_partition) values (?, ?, ?::jsonb, 'valid', now(), ?, ?)")) {
      insert.setString(1, metricId);
      insert.setString(2, VERSION);
      insert.setString(3, DefinitionEvents.defined(metricId, sql).definitionJson());
      insert.setTimestamp(4, Timestamp.from(activeSince));
      insert.setObject(5, partition);
      insert.executeUpdate();
    }
  }

  /** Runs one statement on heartbeat_test (the services' database), e.g. to set up compute state. */
  public static int execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = heartbeat(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        statement.setObject(i + 1, parameter instanceof Instant instant ? Timestamp.from(instant) : parameter);
      }
      return statement.executeUpdate();
    }
  }

  /** One column of the first row of a query on heartbeat_test, or null without a row. */
  public static Object queryValue(String sql, Object... parameters) throws SQLException {
    try (Connection connection = heartbeat(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        statement.setObject(i + 1, parameter instanceof Instant instant ? Timestamp.from(instant) : parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    }
  }

  public static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
