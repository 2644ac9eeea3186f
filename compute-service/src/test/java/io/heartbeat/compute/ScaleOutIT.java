package io.heartbeat.compute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.schedule.WindowClock;

/**
 * Scale-out without a coordinator of our own: two packaged instances in one consumer group share the metrics by
 * heartbeat.registry partition. Twelve metrics come back from twelve minutes of downtime; one instance is killed
 * (SIGKILL) while both catch up; the survivor gets its partitions at the rebalance and finishes. Every window is
 * computed exactly once across the two, in order, none missing.
 */
class ScaleOutIT {

  private static final String PG = "jdbc:postgresql://" + env("HEARTBEAT_PG_HOST", "127.0.0.1") + ":"
      + env("HEARTBEAT_PG_PORT", "5432") + "/";
  private static final String DATABASE = "heartbeat_compute_it";
  private static final String BOOTSTRAP = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int METRICS = 12;
  private static final int MISSED_MINUTES = 12;
  // The value is the window's own start: each observation shows which window it computed.
  // Counting to eight million takes about 0.2 s (pg_sleep is not the marts reader's): catch-ups overlap the kill.
  private static final String SQL = "select extract(epoch from :window_start)::bigint + 0 * count(*) as value "
      + "from (select generate_series(1, 8000000)) spin";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<ComputeProcess> instances = new ArrayList<>();
  // Window starts per metric in the order the topic first carried them.
  private final Map<String, List<Instant>> arrival = new HashMap<>();

  @AfterEach
  void stopInstances() throws InterruptedException {
    for (ComputeProcess instance : instances) {
      instance.close();
    }
  }

  @Test
  void shouldComputeEveryWindowOnceAcrossInstancesAlsoWhenOneIsKilled() throws Exception {
    String prefix = "compute-it-" + System.currentTimeMillis() + "-";
    recreateDatabase();
    createTopics(prefix);
    ComputeProcess a = start("A", prefix);
    ComputeProcess b = start("B", prefix);
    // Both in the group and sharing the three partitions before there is any work.
    Map<String, Set<Integer>> owned = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> Map.of("A", partitions(a), "B", partitions(b)), split -> !split.get("A").isEmpty()
            && !split.get("B").isEmpty() && union(split).equals(Set.of(0, 1, 2)));

    Instant since = Instant.now().minus(MINUTE.multipliedBy(MISSED_MINUTES));
    Map<String, Integer> partitionOf = insertMetrics(since);
    Set<String> metricsOfB = partitionOf.entrySet().stream().filter(e -> owned.get("B").contains(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toSet());

    await().atMost(Duration.ofSeconds(60)).until(() -> windowsBy("B") >= 2 * metricsOfB.size());
    b.kill();
    Instant killedAt = Instant.now();
    assertFalse(b.alive());

    // The survivor takes B's partitions after the session timeout and catches up everything that closed.
    Instant lastClosedAtKill = WindowClock.floor(killedAt, MINUTE);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> caughtUp(partitionOf.keySet(), lastClosedAtKill));
    await().atMost(Duration.ofSeconds(30)).until(() -> partitions(a).equals(Set.of(0, 1, 2)));

    Map<String, Map<Instant, List<JsonNode>>> published = readObservations(prefix, partitionOf.keySet());
    int windows = 0;
    int redelivered = 0;
    for (String metricId : partitionOf.keySet()) {
      Map<Instant, List<JsonNode>> byWindow = published.getOrDefault(metricId, Map.of());
      Instant first = WindowClock.floor(since, MINUTE).minus(MINUTE);
      for (Instant start = first; start.isBefore(lastClosedAtKill); start = start.plus(MINUTE)) {
        List<JsonNode> records = byWindow.get(start);
        assertTrue(records != null && !records.isEmpty(), metricId + " window " + start + " was computed");
        Set<String> computations = records.stream().map(r -> r.get("computedAt").asText()).collect(Collectors.toSet());
        assertEquals(1, computations.size(), metricId + " window " + start + " computed once: " + records);
        assertEquals(start.getEpochSecond(), records.get(0).get("value").asLong(), "its own window's value");
        windows++;
        redelivered += records.size() - 1;
      }
      List<Instant> order = new ArrayList<>(byWindow.keySet());
      assertEquals(order, arrival.getOrDefault(metricId, List.of()), metricId + " windows published in order");
    }
    Map<String, Set<String>> computedBy = computedBy();
    for (String metricId : partitionOf.keySet()) {
      Set<String> expected = metricsOfB.contains(metricId) ? Set.of("A", "B") : Set.of("A");
      assertEquals(expected, computedBy.get(metricId), metricId + ": B's metrics went on at A after the kill");
    }
    System.out.printf("scale-out: owned=%s windows=%d computed once each, identical redeliveries=%d, "
        + "caught up %d s after the kill%n", owned, windows, redelivered,
        Duration.between(killedAt, Instant.now()).toSeconds());
  }

  private ComputeProcess start(String name, String prefix) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("HEARTBEAT_DB", DATABASE);
    env.put("HEARTBEAT_MARTS_DB", env("HEARTBEAT_MARTS_DB", "heartbeat_marts_test"));
    env.put("HEARTBEAT_TOPIC_PREFIX", prefix);
    env.put("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP);
    ComputeProcess process = ComputeProcess.start(name, env, List.of("-Dcompute.tick=1s",
        "-Dcompute.settle-delay=1s", "-Dcompute.windows-per-pass=1", "-Dcompute.republish-after=2s",
        // The broker's minimum: a killed instance's partitions move within seconds.
        "-Dmp.messaging.incoming.registry.session.timeout.ms=6000",
        "-Dmp.messaging.incoming.registry.heartbeat.interval.ms=1000",
        "-Dmp.jwt.verify.publickey.location=" + Path.of("src/test/resources/jwt/publicKey.pem").toUri()));
    instances.add(process);
    return process;
  }

  private static Set<Integer> partitions(ComputeProcess process) {
    Optional<String> reported = process.partitions();
    Set<Integer> partitions = new HashSet<>();
    reported.ifPresent(text -> {
      for (String part : text.replaceAll("[\\[\\] ]", "").split(",")) {
        if (!part.isEmpty()) {
          partitions.add(Integer.parseInt(part));
        }
      }
    });
    return partitions;
  }

  private static Set<Integer> union(Map<String, Set<Integer>> split) {
    Set<Integer> all = new HashSet<>();
    split.values().forEach(all::addAll);
    return all;
  }

  private static void recreateDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(PG + "postgres", "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
      statement.execute("create database " + DATABASE);
    }
    // As db/roles.sh leaves a services' database: the compute schema owned by the role the instances log in as.
    try (Connection connection = DriverManager.getConnection(PG + DATABASE, "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("create schema compute authorization heartbeat_compute");
    }
  }

  private static void createTopics(String prefix) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(prefix + "heartbeat.registry", 3, (short) 1),
          new NewTopic(prefix + "heartbeat.observations", 3, (short) 1))).all().get();
    }
  }

  /** The metrics as the instances find them in their schema after downtime, four on each registry partition. */
  private static Map<String, Integer> insertMetrics(Instant since) throws Exception {
    Map<String, Integer> partitionOf = new TreeMap<>();
    try (Connection connection = compute(); PreparedStatement insert = connection.prepareStatement(
        "insert into compute.metric (metric_id, version, definition, state, published_at, active_since, "
            + "registry_partition) values (?, ?, ?::jsonb, 'valid', now(), ?, ?)")) {
      for (int i = 0; i < METRICS; i++) {
        String metricId = "ct_scale_" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
        partitionOf.put(metricId, i % 3);
        insert.setString(1, metricId);
        insert.setString(2, Fixtures.VERSION);
        insert.setString(3, DefinitionEvents.defined(metricId, SQL).definitionJson());
        insert.setTimestamp(4, Timestamp.from(since));
        insert.setInt(5, i % 3);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return partitionOf;
  }

  private static int windowsBy(String instance) throws SQLException {
    try (Connection connection = compute(); PreparedStatement query = connection.prepareStatement(
        "select count(*) from compute.window_run where computed_by = ? and published_at is not null")) {
      query.setString(1, instance);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Every metric has every window up to {@code until} recorded, acknowledged, and no gap. */
  private static boolean caughtUp(Set<String> metricIds, Instant until) throws SQLException {
    try (Connection connection = compute(); PreparedStatement query = connection.prepareStatement(
        "select metric_id, count(*) filter (where published_at is not null), max(window_end), "
            + "extract(epoch from max(window_end) - min(window_start)) / 60 from compute.window_run group by metric_id")) {
      int complete = 0;
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          boolean upToDate = !rows.getTimestamp(3).toInstant().isBefore(until);
          if (metricIds.contains(rows.getString(1)) && upToDate && rows.getInt(2) == rows.getDouble(4)) {
            complete++;
          }
        }
      }
      return complete == metricIds.size();
    }
  }

  private static Map<String, Set<String>> computedBy() throws SQLException {
    Map<String, Set<String>> by = new HashMap<>();
    try (Connection connection = compute(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select distinct metric_id, computed_by from compute.window_run")) {
      while (rows.next()) {
        by.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2));
      }
    }
    return by;
  }

  /** Everything on the observations topic, by metric and window, records in topic order. */
  private Map<String, Map<Instant, List<JsonNode>>> readObservations(String prefix, Set<String> metricIds)
      throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "compute-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Map<String, Map<Instant, List<JsonNode>>> published = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(prefix + "heartbeat.observations"));
      int empty = 0;
      while (empty < 3) {
        var records = consumer.poll(Duration.ofSeconds(1));
        empty = records.isEmpty() ? empty + 1 : 0;
        for (ConsumerRecord<String, String> record : records) {
          if (!metricIds.contains(record.key())) {
            continue;
          }
          JsonNode observation = MAPPER.readTree(record.value());
          Instant start = Instant.parse(observation.get("windowStart").asText());
          published.computeIfAbsent(record.key(), id -> new TreeMap<>())
              .computeIfAbsent(start, s -> new ArrayList<>()).add(observation);
          List<Instant> seen = arrival.computeIfAbsent(record.key(), id -> new ArrayList<>());
          if (!seen.contains(start)) {
            seen.add(start);
          }
        }
      }
    }
    return published;
  }

  private static Connection compute() throws SQLException {
    return DriverManager.getConnection(PG + DATABASE, "postgres", "postgres");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
