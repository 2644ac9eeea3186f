package io.heartbeat.registry.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heartbeat.registry.messaging.RegistryPublisher;
import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.model.SyncReport;
import io.heartbeat.registry.parse.MetricFileParser;
import io.heartbeat.registry.parse.ParsedMetric;
import io.heartbeat.registry.repository.MetricRegistryRepository;
import io.heartbeat.registry.repository.RegistryRow;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Loads every metric file, diffs it against the registry table and publishes what was added, changed or removed.
 * A bad file is recorded as invalid with its problems while its last good definition stays in force. Publication
 * is tracked per row (published_version), so a broker outage delays events but never loses one.
 */
@ApplicationScoped
public class DefinitionSync {

  private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);
  private static final int PUBLISH_CHUNK = 256;
  private final MetricRegistryRepository repository;
  private final RegistryPublisher publisher;
  private final RegistryEvents events;
  private final Path folder;
  private final MetricFileParser parser;
  private final Map<String, ParsedMetric> parsedByContent = new ConcurrentHashMap<>();

  public DefinitionSync(MetricRegistryRepository repository, RegistryPublisher publisher, RegistryEvents events,
      @ConfigProperty(name = "registry.metrics-dir") String folder,
      @ConfigProperty(name = "registry.max-file-bytes") int maxFileBytes) {
    this.repository = repository;
    this.publisher = publisher;
    this.events = events;
    this.folder = Path.of(folder).toAbsolutePath().normalize();
    this.parser = new MetricFileParser(maxFileBytes);
  }

  public Path folder() {
    return folder;
  }

  /** Blocking: call from a worker thread. Serialized so the watcher, the start-up and the API never interleave. */
  public synchronized SyncReport sync() {
    long t0 = System.nanoTime();
    List<ParsedMetric> parsed = parseFolder();
    List<DefinitionProblem> problems = new ArrayList<>();
    Map<String, RegistryRow> rows = new HashMap<>();
    repository.findAll().await().atMost(DB_TIMEOUT).forEach(r -> rows.put(r.metricId(), r));
    int added = 0, changed = 0, removed = 0, valid = 0, invalid = 0;
    List<RegistryRow> writes = new ArrayList<>();
    for (ParsedMetric p : CodeUniqueness.check(parsed)) {
      RegistryRow old = rows.remove(p.metricId());
      problems.addAll(p.problems());
      if (p.valid()) {
        valid++;
      } else {
        invalid++;
        Log.warnf("metric file rejected metric_id=%s problems=%s", p.metricId(), p.problems());
      }
      RegistryRow next = p.valid() ? validRow(p, old) : invalidRow(p, old);
      if (old == null || !old.fileVersion().equals(next.fileVersion()) || !old.state().equals(next.state())) {
        writes.add(next);
        if (old == null) {
          added++;
        } else {
          changed++;
        }
      }
    }
    for (RegistryRow gone : rows.values()) {
      if (!gone.state().equals("removed")) {
        String fileVersion = MetricFileParser.sha256("removed|" + gone.fileVersion());
        writes.add(gone.withFile(gone.file(), gone.contentHash(), fileVersion,
            events.version(fileVersion, gone.operator()), "removed", gone.definitionJson(), "[]"));
        removed++;
      }
    }
    repository.saveFromSync(writes).await().atMost(DB_TIMEOUT);
    int published = publishPending();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Log.infof("registry sync files=%d valid=%d invalid=%d added=%d changed=%d removed=%d published=%d millis=%d",
        parsed.size(), valid, invalid, added, changed, removed, published, millis);
    return new SyncReport(parsed.size(), valid, invalid, added, changed, removed, published, millis, problems);
  }

  /**
   * Publishes every row whose current version the broker has not acknowledged yet. Sends go out in chunks without
   * waiting for each ack (the idempotent producer keeps per-partition order); a chunk is marked published only
   * once all its acks arrived, so a failure republishes, never loses.
   */
  public synchronized int publishPending() {
    List<RegistryRow> pending = repository.findAll().await().atMost(DB_TIMEOUT).stream()
        .filter(row -> !row.published()).toList();
    for (int from = 0; from < pending.size(); from += PUBLISH_CHUNK) {
      List<RegistryRow> chunk = pending.subList(from, Math.min(pending.size(), from + PUBLISH_CHUNK));
      Uni.join().all(chunk.stream().map(row -> publisher.publish(events.toEvent(row))).toList())
          .andFailFast().await().atMost(DB_TIMEOUT);
      repository.markPublished(chunk.stream().map(RegistryRow::metricId).toList(),
          chunk.stream().map(RegistryRow::version).toList()).await().atMost(DB_TIMEOUT);
    }
    return pending.size();
  }

  private List<ParsedMetric> parseFolder() {
    if (!Files.isDirectory(folder)) {
      Log.errorf("metrics folder missing path=%s", folder);
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      Set<String> live = ConcurrentHashMap.newKeySet();
      // Parsing is CPU-bound and independent per file; the ordered stream keeps the result sorted by file name.
      List<ParsedMetric> result = files.filter(f -> f.getFileName().toString().endsWith(".sql"))
          .filter(f -> !f.getFileName().toString().startsWith("_"))
          .sorted()
          .toList().parallelStream()
          .map(f -> parseOne(f, live))
          .toList();
      // Keep only what the folder still holds, so the cache never outgrows it.
      parsedByContent.keySet().retainAll(live);
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ParsedMetric parseOne(Path file, Set<String> live) {
    String shown = displayPath(file);
    try {
      byte[] bytes = Files.readAllBytes(file);
      // An unchanged file parses to the same result: skip the SQL parser on a no-change re-sync.
      String key = shown + "|" + digest(bytes);
      live.add(key);
      return parsedByContent.computeIfAbsent(key, k -> parser.parse(shown, bytes));
    } catch (IOException e) {
      String id = file.getFileName().toString().replaceFirst("\\.sql$", "");
      return new ParsedMetric(id, shown, "unreadable", null,
          List.of(new DefinitionProblem(shown, 0, "file", "cannot read: " + e.getMessage())), 0);
    }
  }

  /** Paths as owners know them: db/metrics/x.sql rather than an absolute path. */
  private String displayPath(Path file) {
    Path parent = folder.getParent();
    return parent != null && parent.getFileName() != null
        ? parent.getFileName() + "/" + folder.getFileName() + "/" + file.getFileName()
        : file.getFileName().toString();
  }

  private RegistryRow validRow(ParsedMetric p, RegistryRow old) {
    return fileRow(p, old, p.contentHash(), "valid", events.write(p.definition()), "[]");
  }

  private RegistryRow invalidRow(ParsedMetric p, RegistryRow old) {
    // The last good definition stays in force; the version changes so consumers learn of the problems.
    String lastGood = old == null ? null : old.definitionJson();
    String fileVersion = MetricFileParser.sha256("invalid|" + p.contentHash() + "|"
        + (lastGood == null ? "" : MetricFileParser.sha256(lastGood)));
    return fileRow(p, old, fileVersion, "invalid", lastGood, events.write(p.problems()));
  }

  private RegistryRow fileRow(ParsedMetric p, RegistryRow old, String fileVersion, String state, String definition,
      String problems) {
    OperatorFields operator = old == null ? OperatorFields.NONE : old.operator();
    String version = events.version(fileVersion, operator);
    if (old == null) {
      return new RegistryRow(p.metricId(), p.file(), p.contentHash(), fileVersion, version, state, definition, problems,
          null, operator, 0);
    }
    return old.withFile(p.file(), p.contentHash(), fileVersion, version, state, definition, problems);
  }
}
