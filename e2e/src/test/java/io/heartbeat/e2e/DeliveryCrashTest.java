package io.heartbeat.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Page delivery survives an alert-service instance killed with SIGKILL mid-delivery, while two instances drain one
 * outbox: two packaged alert-service processes on one database and one set of topics, a routes file sending every
 * episode to a PagerDuty Events v2 endpoint and to a generic Standard Webhooks endpoint, both real HTTP servers of
 * this test on 127.0.0.1 (PageReceiver). Forty metric definitions and their observations go straight to Kafka, each
 * checked against docs/events: one red window fires each metric's episode, one green window resolves it. While the
 * receivers hold their answers and the second instance has pages in flight, it is killed (kill -9), left down a few
 * seconds, restarted, and everything drains.
 *
 * <p>The contract is at-least-once delivery under an idempotency key, not exactly-once on the wire. An instance
 * killed after a receiver got a page (even after it answered) but before 'delivered' was recorded leaves the outbox
 * row pending under its lease; once the lease runs out another instance, or the restarted one, sends it again under
 * the same key (webhook-id; PagerDuty's dedup_key with event_action), which the vendor folds into the first. So the
 * test asserts per episode and receiver exactly one trigger and one resolve <em>by key</em>, every trigger before the
 * resolve, every webhook signature valid (verified here from the specification) and no outbox row failed; the raw
 * redeliveries of a key are reported, not asserted.
 */
class DeliveryCrashTest {

  private static final String DATABASE = "heartbeat_e2e_delivery";
  private static final int EPISODES = 40;
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target/e2e-logs/delivery").toAbsolutePath();
  private static final String PAGERDUTY = "pagerduty-e2e";
  private static final String WEBHOOK = "webhook-e2e";
  /** The instance that is killed; "a" survives. */
  private static final String VICTIM = "b";
  /**
   * heartbeat.notify.lease is the shipped knob (default 2m, HEARTBEAT_NOTIFY_LEASE) with which an operator trades how
   * soon a crashed instance's pages are sent again against the slowest receiver's timeout. 20 s keeps this test within
   * its few minutes and is still twice the receivers' 10 s timeout, which alert-service requires to be shorter.
   */
  private static final String LEASE = "20s";
  /** During the firing burst the receivers answer this late, as slow vendors do, so the kill finds pages in flight. */
  private static final Duration WEBHOOK_HOLD = Duration.ofSeconds(3);
  private static final Duration PAGERDUTY_HOLD = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<ServiceProcess> instances = new ArrayList<>();
  private PageReceiver pagerDuty;
  private PageReceiver webhook;

  @AfterEach
  void stopEverything() {
    instances.forEach(ServiceProcess::close);
    if (pagerDuty != null) {
      pagerDuty.close();
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  @Test
  void pagesShouldSurviveAnInstanceKilledMidDeliveryWithNeitherLossNorDuplicate() throws Exception {
    long t0 = System.nanoTime();
    // One-day windows: red the day before yesterday, green yesterday. A metric goes stale two periods after its
    // newest judged window ended, and each instance's stale check also watches the metrics whose partitions the other
    // instance reads: while the victim is down, its metrics' green windows wait in Kafka and the survivor sees only
    // the red one, ended a day before today began. Stale would then come at the next midnight (UTC), and the green
    // window after it would be a late one that resolves nothing; so within 10 minutes of midnight the test waits for
    // the new day rather than skip.
    Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    if (Instant.now().isAfter(midnight.minus(10, ChronoUnit.MINUTES))) {
      System.out.printf("[e2e] %d s before midnight UTC: waiting for the new day%n",
          Duration.between(Instant.now(), midnight).toSeconds());
      await("the new day (UTC)").atMost(Duration.ofMinutes(11)).pollInterval(Duration.ofSeconds(1))
          .until(() -> Instant.now().isAfter(midnight.plusSeconds(5)));
    }
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Instant red = today.minus(2, ChronoUnit.DAYS);
    Instant green = today.minus(1, ChronoUnit.DAYS);
    String topics = "e2e-delivery-" + System.getenv().getOrDefault("HEARTBEAT_TOPIC_PREFIX", "");
    run("deploy/infra.sh", "topics", topics);
    String routingKey = HexFormat.of().formatHex(bytes(16));
    String secret = "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
    pagerDuty = PageReceiver.pagerDuty(routingKey);
    webhook = PageReceiver.webhook(secret);

    ServiceProcess survivor = start("a", topics, routingKey, secret, "alert-service-a");
    ServiceProcess victim = start(VICTIM, topics, routingKey, secret, "alert-service-" + VICTIM);
    awaitReady(survivor);
    awaitReady(victim);
    System.out.printf("[e2e] two alert-service instances ready in %d s: a pid=%d, %s pid=%d, lease %s%n",
        seconds(t0), survivor.pid(), VICTIM, victim.pid(), LEASE);

    String run = "e2e_dc_" + Long.toString(System.currentTimeMillis(), 36) + "_";
    List<String> metrics = IntStream.range(0, EPISODES).mapToObj(i -> run + i).toList();
    Map<String, String> versions = metrics.stream().collect(Collectors.toMap(m -> m, m -> sha256(m, "v1")
        .substring(0, 16)));
    int inFlightAtKill;
    long claimedAtKill;
    long killedAt;
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < EPISODES; i++) {
        String metric = metrics.get(i);
        send(producer, topics + "heartbeat.registry", metric, definition(metric, versions.get(metric), i));
      }
      producer.flush();
      // Each instance reads its own registry partitions; the other finds the definition in alert.metric on a miss.
      await("every definition in force").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> Psql.count(DATABASE, "select count(*) from alert.metric where starts_with(metric_id, '"
              + run + "')") == EPISODES);

      webhook.holdAnswers(WEBHOOK_HOLD);
      pagerDuty.holdAnswers(PAGERDUTY_HOLD);
      for (String metric : metrics) {
        send(producer, topics + "heartbeat.observations", metric, observation(metric, versions.get(metric), red, 10));
      }
      producer.flush();
      long burst = System.nanoTime();
      await("pages in flight from instance " + VICTIM).atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> webhook.holding(VICTIM) + pagerDuty.holding(VICTIM) > 0 && Psql.count(DATABASE,
              "select count(*) from alert.outbox where state = 'pending' and attempts > 0") > 0);
      inFlightAtKill = webhook.holding(VICTIM) + pagerDuty.holding(VICTIM);
      claimedAtKill = Psql.count(DATABASE, "select count(*) from alert.outbox where state = 'pending'"
          + " and attempts > 0");
      // ProcessHandle.destroyForcibly is SIGKILL on Linux: no shutdown hook, no checkpoint, no 'delivered' written.
      ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
      await("instance " + VICTIM + " gone").atMost(Duration.ofSeconds(10)).until(() -> !victim.alive());
      killedAt = System.nanoTime();
      System.out.printf("[e2e] killed instance %s (pid %d) %d ms into the firing burst with %d of its attempts held"
              + " by the receivers; %d outbox rows claimed and pending%n", VICTIM, victim.pid(),
          TimeUnit.NANOSECONDS.toMillis(killedAt - burst), inFlightAtKill, claimedAtKill);
      assertTrue(inFlightAtKill > 0, "the kill interrupted attempts in flight");

      // The episodes recover while the victim is down: the survivor judges its own partitions at once, the victim's
      // once Kafka notices it is gone or it is back.
      for (String metric : metrics) {
        send(producer, topics + "heartbeat.observations", metric,
            observation(metric, versions.get(metric), green, 100));
      }
      producer.flush();
    }
    await("instance " + VICTIM + " down a few seconds while the survivor delivers").pollDelay(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10)).until(() -> true);
    ServiceProcess restarted = start(VICTIM, topics, routingKey, secret, "alert-service-" + VICTIM + "-restarted");
    awaitReady(restarted);
    webhook.answerAtOnce();
    pagerDuty.answerAtOnce();
    System.out.printf("[e2e] instance %s restarted and ready %d s after the kill%n", VICTIM, seconds(killedAt));

    String ours = "join alert.episode e on e.dedup_key = o.episode_key where starts_with(e.metric_id, '" + run + "')";
    int pages = EPISODES * 2 * 2;
    String episodesOfRun = "from alert.episode where starts_with(metric_id, '" + run + "')";
    await("every episode resolved and every page delivered").atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(1)).until(() -> {
          assertNoProblem(pagerDuty);
          assertNoProblem(webhook);
          assertEquals(0, Psql.count(DATABASE, "select count(*) from alert.outbox o " + ours
              + " and o.state = 'failed'"), "no outbox row failed");
          assertTrue(Psql.count(DATABASE, "select count(*) " + episodesOfRun) <= EPISODES, () -> "one episode per"
              + " metric: " + Psql.query(DATABASE, "select metric_id, dedup_key, state, reason " + episodesOfRun));
          return Psql.count(DATABASE, "select count(*) " + episodesOfRun + " and state = 'resolved'") == EPISODES
              && Psql.count(DATABASE, "select count(*) from alert.outbox o " + ours + " and o.state = 'pending'") == 0;
        });
    long drained = System.nanoTime();

    // One episode per metric, fired and resolved; in the outbox, per receiver, its trigger then its resolve.
    List<String> episodes = List.of(Psql.query(DATABASE, "select metric_id || '|' || dedup_key || '|' || state "
        + episodesOfRun + " order by metric_id").split("\n"));
    assertEquals(EPISODES, episodes.size(), "one episode per metric: " + episodes);
    Set<String> keys = new TreeSet<>();
    for (String row : episodes) {
      String[] f = row.split("\\|");
      assertEquals("resolved", f[2], row);
      keys.add(f[1]);
    }
    assertEquals(EPISODES, keys.size());
    assertEquals(Set.of("firing,resolved"), new TreeSet<>(List.of(Psql.query(DATABASE, "select string_agg(o.status,"
        + " ',' order by o.seq) from alert.outbox o " + ours + " group by o.episode_key, o.receiver").split("\n"))),
        "per episode and receiver, one trigger row then one resolve row");
    assertEquals(keys.size() * 2L, Psql.count(DATABASE, "select count(distinct (o.episode_key, o.receiver))"
        + " from alert.outbox o " + ours), "both receivers have every episode");
    assertEquals(pages, Psql.count(DATABASE, "select count(*) from alert.outbox o " + ours
        + " and o.state = 'delivered'"), "every page delivered, none pending or failed");

    assertOnePagePerKey(pagerDuty, keys);
    assertOnePagePerKey(webhook, keys);
    assertSignatureCheckCanFail(webhook.arrivals().get(0), secret);

    long attemptedAgain = Psql.count(DATABASE, "select count(*) from alert.outbox o " + ours + " and o.attempts > 1");
    for (PageReceiver receiver : List.of(pagerDuty, webhook)) {
      List<PageReceiver.Arrival> arrivals = receiver.arrivals();
      Map<String, Long> perKey = arrivals.stream().collect(Collectors.groupingBy(PageReceiver.Arrival::key,
          Collectors.counting()));
      System.out.printf("[e2e] %s: %d requests, %d distinct keys, %d raw redeliveries of a key already received"
              + " (%d keys more than once)%n", receiver.kind, arrivals.size(), perKey.size(),
          arrivals.size() - perKey.size(), perKey.values().stream().filter(n -> n > 1).count());
    }
    System.out.printf("[e2e] %d pages to 2 receivers delivered %d s after the kill (lease %s), %d outbox rows"
            + " attempted more than once; test took %d s%n", pages, TimeUnit.NANOSECONDS.toSeconds(drained - killedAt),
        LEASE, attemptedAgain, seconds(t0));
  }

  /** Per episode, exactly one trigger key and one resolve key, and every trigger request before every resolve. */
  private static void assertOnePagePerKey(PageReceiver receiver, Set<String> episodeKeys) {
    Map<String, List<PageReceiver.Arrival>> byEpisode = receiver.arrivals().stream()
        .collect(Collectors.groupingBy(a -> String.valueOf(a.episodeKey())));
    assertEquals(episodeKeys, new TreeSet<>(byEpisode.keySet()), receiver.kind + " heard of exactly the episodes");
    byEpisode.forEach((episode, arrivals) -> {
      Set<String> triggers = arrivals.stream().filter(PageReceiver.Arrival::trigger).map(PageReceiver.Arrival::key)
          .collect(Collectors.toSet());
      Set<String> resolves = arrivals.stream().filter(PageReceiver.Arrival::resolve).map(PageReceiver.Arrival::key)
          .collect(Collectors.toSet());
      String where = receiver.kind + " episode " + episode + ": " + arrivals.stream()
          .map(a -> a.seq() + ":" + a.action() + ":" + a.sender()).toList();
      assertEquals(1, triggers.size(), "one trigger by key at " + where);
      assertEquals(1, resolves.size(), "one resolve by key at " + where);
      assertEquals(0, arrivals.stream().filter(a -> !a.trigger() && !a.resolve()).count(), "nothing else at " + where);
      long lastTrigger = arrivals.stream().filter(PageReceiver.Arrival::trigger)
          .mapToLong(PageReceiver.Arrival::seq).max().orElseThrow();
      long firstResolve = arrivals.stream().filter(PageReceiver.Arrival::resolve)
          .mapToLong(PageReceiver.Arrival::seq).min().orElseThrow();
      assertTrue(lastTrigger < firstResolve, "every trigger before the resolve (a late trigger reopens the"
          + " incident) at " + where);
    });
  }

  private static void assertNoProblem(PageReceiver receiver) {
    List<String> problems = receiver.arrivals().stream().filter(a -> a.problem() != null)
        .map(a -> a.seq() + " from " + a.sender() + ": " + a.problem()).toList();
    assertEquals(List.of(), problems, receiver.kind + " got requests it refused");
  }

  /** The verification that passed for every request refuses the same request with one byte of its body changed. */
  private static void assertSignatureCheckCanFail(PageReceiver.Arrival arrival, String secret) {
    String id = arrival.headers().getFirst("webhook-id");
    String timestamp = arrival.headers().getFirst("webhook-timestamp");
    String signature = arrival.headers().getFirst("webhook-signature");
    byte[] tampered = arrival.body().clone();
    tampered[tampered.length - 2] ^= 1;
    assertNull(WebhookSignature.problem(secret, id, timestamp, signature, arrival.body(), Instant.now()));
    assertNotNull(WebhookSignature.problem(secret, id, timestamp, signature, tampered, Instant.now()));
    assertNotNull(WebhookSignature.problem("whsec_" + Base64.getEncoder().encodeToString(bytes(32)), id, timestamp,
        signature, arrival.body(), Instant.now()));
  }

  private ServiceProcess start(String sender, String topics, String routingKey, String secret, String logName)
      throws IOException {
    Files.createDirectories(LOGS);
    Path routes = LOGS.resolve("routes-" + sender + ".yaml");
    // Each instance gets the same receivers and routes; only the URLs' first path segment names the instance, so
    // the receivers can tell whose attempts were in flight when one was killed.
    Files.writeString(routes, """
        version: 1
        page_stages: [paging]
        receivers:
          - name: %s
            kind: pagerduty
            url: "%s"
            secret_env: HEARTBEAT_E2E_PAGERDUTY_KEY
            timeout: 10s
          - name: %s
            kind: webhook
            url: "%s"
            secret_env: HEARTBEAT_E2E_WEBHOOK_SECRET
            timeout: 10s
        routes:
          - receivers: [%s, %s]
        """.formatted(PAGERDUTY, pagerDuty.url(sender), WEBHOOK, webhook.url(sender), PAGERDUTY, WEBHOOK));
    Map<String, String> env = new HashMap<>();
    env.put("HEARTBEAT_DB", DATABASE);
    env.put("HEARTBEAT_TOPIC_PREFIX", topics);
    env.put("HEARTBEAT_AUTH_OPEN_READS", "true");
    env.put("HEARTBEAT_JWT_PUBLIC_KEY", "file:" + ROOT.resolve(".heartbeat/jwt/public.pem"));
    env.put("HEARTBEAT_NOTIFY_ROUTES_FILE", routes.toString());
    env.put("HEARTBEAT_NOTIFY_LEASE", LEASE);
    env.put("HEARTBEAT_E2E_PAGERDUTY_KEY", routingKey);
    env.put("HEARTBEAT_E2E_WEBHOOK_SECRET", secret);
    ServiceProcess process = ServiceProcess.start("alert-service", env, LOGS, logName);
    instances.add(process);
    return process;
  }

  private static void awaitReady(ServiceProcess s) {
    await("readiness of " + s.log.getFileName()).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!s.alive()) {
            throw new IllegalStateException(s.name + " exited; see " + s.log);
          }
          try {
            return given().get(s.url() + "/q/health/ready").statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        });
  }

  /** A metric.defined event as registry-service publishes it: paging stage, red below 50, fires and recovers in one window. */
  private static String definition(String metric, String version, int index) {
    ObjectNode definition = JSON.createObjectNode()
        .put("name", "Delivery crash test " + index)
        .put("code", "D%03d".formatted(index))
        .put("period", "1d")
        .put("periodSeconds", 86400)
        .put("direction", "higher_is_better")
        .put("unit", "count")
        .put("howToRead", "written by DeliveryCrashTest")
        .put("methodology", "observations published by the test itself")
        .put("valueSql", "select 1 as value")
        .putNull("dimension")
        .put("normValue", 80.0)
        .put("alertValue", 50.0)
        .putNull("targetValue")
        .putNull("targetDueDate")
        .putNull("benchmarkMean")
        .putNull("benchmarkStddev")
        .put("stage", "paging")
        .putNull("owner")
        .putNull("verificationState")
        .putNull("runbook");
    definition.putArray("sources").add("marts.test");
    // No band: the thresholds decide, and one red window fires (trigger 1), one green one resolves (recovery 1).
    definition.putObject("anomaly").put("enabled", false).put("sensitivity", 3.0).put("triggerWindows", 1)
        .put("recoveryWindows", 1).put("minHistoryWindows", 0);
    definition.putArray("slas");
    definition.putArray("linkedServices");
    ObjectNode event = JSON.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256("metric.defined", metric, version))
        .put("type", "metric.defined")
        .put("metricId", metric)
        .put("version", version)
        .put("state", "valid")
        .put("publishedAt", Instant.now().toString());
    event.set("definition", definition);
    event.putArray("problems");
    return EventContracts.requireValid(EventContracts.DEFINITION, event).toString();
  }

  /** A live observation of the metric total as compute-service publishes it. */
  private static String observation(String metric, String version, Instant windowStart, double value) {
    ObjectNode event = JSON.createObjectNode()
        .put("schemaVersion", 1)
        .put("id", sha256(metric, version, windowStart.toString(), "*"))
        .put("metricId", metric)
        .put("definitionVersion", version)
        .put("period", "1d")
        .put("windowStart", windowStart.toString())
        .put("windowEnd", windowStart.plus(1, ChronoUnit.DAYS).toString())
        .put("computedAt", Instant.now().toString())
        .put("status", "ok")
        .put("value", value)
        .putNull("dimension")
        .putNull("error");
    return EventContracts.requireValid(EventContracts.OBSERVATION, event).toString();
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
        "127.0.0.1:19092"));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /** Keyed by metric id, as every Heartbeat event: one metric's events stay in order on one partition. */
  private static void send(KafkaProducer<String, String> producer, String topic, String metric, String value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, metric, value)).get(30, TimeUnit.SECONDS);
  }

  private static String sha256(String... parts) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static long seconds(long since) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
  }

  private static void run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(out.lines().map(l -> "[e2e] " + l + "\n").reduce("", String::concat));
    assertEquals(0, p.waitFor(), script + " failed:\n" + out);
  }
}
