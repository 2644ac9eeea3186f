package io.heartbeat.registry.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heartbeat.registry.catalog.CallCheck;
import io.heartbeat.registry.catalog.Catalog;
import io.heartbeat.registry.catalog.CatalogUnavailable;
import io.heartbeat.registry.catalog.FunctionCatalog;
import io.heartbeat.registry.catalog.FunctionName;
import io.heartbeat.registry.folder.MetricsFolder;
import io.heartbeat.registry.folder.RemovalPlan;
import io.heartbeat.registry.folder.RemovalRefused;
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
 * Loads every metric file, checks its calls against the marts catalog, diffs it against the registry table and
 * publishes what was added, changed or removed. A bad file is recorded as invalid with its problems while its last
 * good definition stays in force. The sync never blanks the registry: a folder it cannot trust is refused, and
 * removing more than registry.sync.max-removal-share of the metrics waits for an admin. Publication is tracked per
 * row (published_version), so a broker outage delays events but never loses one.
 */
@ApplicationScoped
public class DefinitionSync {

  private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);
  private static final int PUBLISH_CHUNK = 256;
  private final MetricRegistryRepository repository;
  private final RegistryPublisher publisher;
  private final RegistryEvents events;
  private final FunctionCatalog catalog;
  private final MetricsFolder folder;
  private final MetricFileParser parser;
  private final double maxRemovalShare;
  private final Map<String, MetricFileParser.Parsed> parsedByContent = new ConcurrentHashMap<>();
  /** Why the last sync did not apply everything (refused folder, held removals, catalog down); empty when it did. */
  private volatile List<DefinitionProblem> standing = List.of();
  private volatile SyncReport.PendingRemovals pending;

  public DefinitionSync(MetricRegistryRepository repository, RegistryPublisher publisher, RegistryEvents events,
      FunctionCatalog catalog, @ConfigProperty(name = "registry.metrics-dir") String folder,
      @ConfigProperty(name = "registry.max-file-bytes") int maxFileBytes,
      @ConfigProperty(name = "registry.sync.max-removal-share", defaultValue = "0.5") double maxRemovalShare) {
    if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
      throw new IllegalArgumentException("registry.sync.max-removal-share=" + maxRemovalShare + ": expected 0 to 1");
    }
    this.repository = repository;
    this.publisher = publisher;
    this.events = events;
    this.catalog = catalog;
    this.folder = new MetricsFolder(Path.of(folder));
    this.parser = new MetricFileParser(maxFileBytes);
    this.maxRemovalShare = maxRemovalShare;
  }

  public Path folder() {
    return folder.path();
  }

  /** Problems of the folder as a whole from the last sync, beside the files' own problems. */
  public List<DefinitionProblem> standingProblems() {
    return standing;
  }

  /** The removals the last sync held for confirmation, or null. */
  public SyncReport.PendingRemovals pendingRemovals() {
    return pending;
  }

  /** Blocking: call from a worker thread. Serialized so the watcher, the start-up and the API never interleave. */
  public synchronized SyncReport sync() {
    return sync(null, null);
  }

  /**
   * A sync that also applies held removals, only if they are still exactly those the digest names (the folder and
   * the registry may have changed since the admin saw them). Throws {@link RemovalRefused} otherwise, changing nothing.
   */
  public synchronized SyncReport confirmRemovals(String digest, String admin) {
    return sync(digest, admin);
  }

  private SyncReport sync(String confirmedDigest, String admin) {
    long t0 = System.nanoTime();
    MetricsFolder.Listing listing = folder.list();
    if (listing.refused()) {
      Log.errorf("metrics folder refused path=%s: %s", folder.path(), listing.refusal().message());
      standing = List.of(listing.refusal());
      pending = null;
      return SyncReport.refused(millisSince(t0), listing.refusal());
    }
    List<ParsedMetric> parsed = CodeUniqueness.check(judge(parseAll(listing.files())));
    Map<String, RegistryRow> rows = new HashMap<>();
    repository.findAll().await().atMost(DB_TIMEOUT).forEach(r -> rows.put(r.metricId(), r));
    int current = (int) rows.values().stream().filter(r -> !r.state().equals("removed")).count();
    List<DefinitionProblem> problems = new ArrayList<>();
    int added = 0, changed = 0, valid = 0, invalid = 0;
    List<RegistryRow> writes = new ArrayList<>();
    for (ParsedMetric p : parsed) {
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
    // What is left had a row but no file: a file deleted from a folder we could list.
    Map<String, String> gone = new HashMap<>();
    rows.values().stream().filter(r -> !r.state().equals("removed")).forEach(r -> gone.put(r.metricId(), r.version()));
    RemovalPlan plan = new RemovalPlan(folder, gone, current, maxRemovalShare);
    if (confirmedDigest != null) {
      plan.confirm(confirmedDigest);
    }
    boolean hold = plan.exceedsShare() && confirmedDigest == null;
    if (!hold) {
      plan.metricIds().forEach(id -> writes.add(removedRow(rows.get(id))));
    }
    int removed = hold ? 0 : plan.metricIds().size();
    if (admin != null) {
      repository.saveFromSync(writes, admin, "admin confirmed removal of " + String.join(", ", plan.metricIds()))
          .await().atMost(DB_TIMEOUT);
      Log.infof("metric removals confirmed admin=%s metrics=%s", admin, plan.metricIds());
    } else {
      repository.saveFromSync(writes).await().atMost(DB_TIMEOUT);
    }
    int published = publishPending();
    long millis = millisSince(t0);
    Log.infof("registry sync files=%d valid=%d invalid=%d added=%d changed=%d removed=%d held=%d published=%d millis=%d",
        parsed.size(), valid, invalid, added, changed, removed, hold ? plan.metricIds().size() : 0, published, millis);
    if (hold) {
      DefinitionProblem held = plan.heldProblem();
      Log.warnf("metric removals held path=%s: %s", folder.path(), held.message());
      problems.add(held);
      standing = List.of(held);
      pending = plan.pending();
    } else {
      standing = List.of();
      pending = null;
    }
    return new SyncReport(hold ? SyncReport.Outcome.HELD : SyncReport.Outcome.APPLIED, parsed.size(), valid, invalid,
        added, changed, removed, published, millis, problems, pending);
  }

  /**
   * Adds a value_sql problem to every file calling a function the marts catalog refuses. One query for all names;
   * when it fails nothing is judged and nothing may change, so the sync stops here and is retried.
   */
  private List<ParsedMetric> judge(List<MetricFileParser.Parsed> parsed) {
    Set<FunctionName> names = new LinkedHashSet<>();
    parsed.forEach(p -> names.addAll(CallCheck.toLookUp(p.calls())));
    Catalog answer;
    try {
      answer = names.isEmpty() ? new Catalog("", "", Map.of()) : catalog.lookUp(names).await().atMost(DB_TIMEOUT);
    } catch (RuntimeException e) {
      CatalogUnavailable down = e instanceof CatalogUnavailable c ? c : new CatalogUnavailable(e);
      standing = List.of(new DefinitionProblem(folder.shown(), 0, "value_sql", down.getMessage()
          + ": the functions value_sql calls cannot be checked, so this sync changed nothing (the last good "
          + "definitions stay in force) and is retried"));
      Log.warnf("registry sync deferred, marts catalog unavailable: %s", down.getMessage());
      throw down;
    }
    List<ParsedMetric> judged = new ArrayList<>(parsed.size());
    for (MetricFileParser.Parsed p : parsed) {
      ParsedMetric m = p.metric();
      List<DefinitionProblem> refused = CallCheck.problems(m.file(), p.calls(), answer);
      if (refused.isEmpty()) {
        judged.add(m);
      } else {
        List<DefinitionProblem> all = new ArrayList<>(m.problems());
        all.addAll(refused);
        judged.add(new ParsedMetric(m.metricId(), m.file(), m.contentHash(), null, List.copyOf(all), m.codeLine()));
      }
    }
    return judged;
  }

  /**
   * Publishes every row whose current version the broker has not acknowledged yet. Sends go out in chunks without
   * waiting for each ack (the idempotent producer keeps per-partition order); a chunk is marked published only
   * once all its acks arrived, so a failure republishes, never loses.
   */
  public synchronized int publishPending() {
    List<RegistryRow> pendingRows = repository.findAll().await().atMost(DB_TIMEOUT).stream()
        .filter(row -> !row.published()).toList();
    for (int from = 0; from < pendingRows.size(); from += PUBLISH_CHUNK) {
      List<RegistryRow> chunk = pendingRows.subList(from, Math.min(pendingRows.size(), from + PUBLISH_CHUNK));
      Uni.join().all(chunk.stream().map(row -> publisher.publish(events.toEvent(row))).toList())
          .andFailFast().await().atMost(DB_TIMEOUT);
      repository.markPublished(chunk.stream().map(RegistryRow::metricId).toList(),
          chunk.stream().map(RegistryRow::version).toList()).await().atMost(DB_TIMEOUT);
    }
    return pendingRows.size();
  }

  private List<MetricFileParser.Parsed> parseAll(List<Path> files) {
    Set<String> live = ConcurrentHashMap.newKeySet();
    // Parsing is CPU-bound and independent per file; the ordered stream keeps the result sorted by file name.
    List<MetricFileParser.Parsed> result = files.parallelStream().map(f -> parseOne(f, live)).toList();
    // Keep only what the folder still holds, so the cache never outgrows it.
    parsedByContent.keySet().retainAll(live);
    return result;
  }

  private MetricFileParser.Parsed parseOne(Path file, Set<String> live) {
    String shown = folder.shown(file);
    try {
      byte[] bytes = Files.readAllBytes(file);
      // An unchanged file parses to the same result: skip the SQL parser on a no-change re-sync.
      String key = shown + "|" + MetricFileParser.sha256(bytes);
      live.add(key);
      return parsedByContent.computeIfAbsent(key, k -> parser.parseWithCalls(shown, bytes));
    } catch (IOException e) {
      // Listed but unreadable: invalid, so its last good definition stays; never a removal.
      String id = file.getFileName().toString().replaceFirst("\\.sql$", "");
      return new MetricFileParser.Parsed(new ParsedMetric(id, shown, "unreadable", null,
          List.of(new DefinitionProblem(shown, 0, "file", "cannot read: " + e.getMessage())), 0), List.of());
    }
  }

  private RegistryRow validRow(ParsedMetric p, RegistryRow old) {
    return fileRow(p, old, p.contentHash(), "valid", events.write(p.definition()), "[]");
  }

  private RegistryRow invalidRow(ParsedMetric p, RegistryRow old) {
    // The last good definition stays in force; the version changes so consumers learn of the problems.
    String lastGood = old == null ? null : old.definitionJson();
    String fileVersion = MetricFileParser.sha256("invalid|" + p.contentHash() + "|"
        + MetricFileParser.sha256(events.write(p.problems())) + "|"
        + (lastGood == null ? "" : MetricFileParser.sha256(lastGood)));
    return fileRow(p, old, fileVersion, "invalid", lastGood, events.write(p.problems()));
  }

  /** Kept with its last definition and operator fields, so restoring the file brings the metric back as it was. */
  private RegistryRow removedRow(RegistryRow gone) {
    String fileVersion = MetricFileParser.sha256("removed|" + gone.fileVersion());
    return gone.withFile(gone.file(), gone.contentHash(), fileVersion, events.version(fileVersion, gone.operator()),
        "removed", gone.definitionJson(), "[]");
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

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
