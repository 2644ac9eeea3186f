package io.heartbeat.compute.service;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.compute.config.ComputeConfig;
import io.heartbeat.compute.messaging.ObservationPublisher;
import io.heartbeat.compute.model.ObservationError;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.Status;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.repository.WindowRunRepository;
import io.heartbeat.compute.schedule.PlannedWindow;
import io.heartbeat.compute.schedule.Window;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

/**
 * Computes one window of one metric: value_sql (holding a query slot), observations, then the claim in
 * compute.window_run with the observations as payload, and only if the claim won, the publication. The schedule
 * and backfill both come through here, so a window is published by one computation only.
 */
@ApplicationScoped
public class WindowComputation {

  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final ValueQuery query;
  private final QuerySlots slots;
  private final ObservationPublisher publisher;
  private final WindowRunRepository runs;
  private final WindowClaims claims;
  private final PublishedMarks marks;
  private final InstanceId instance;
  private final ObjectMapper mapper;
  private final MeterRegistry registry;
  private final DimensionTracker dimensions;
  private final ComputeConfig config;
  private final Map<Status, Counter> windows = new EnumMap<>(Status.class);

  public WindowComputation(ValueQuery query, QuerySlots slots, ObservationPublisher publisher,
      WindowRunRepository runs, WindowClaims claims, PublishedMarks marks, InstanceId instance, ObjectMapper mapper,
      MeterRegistry registry, DimensionTracker dimensions, ComputeConfig config) {
    this.query = query;
    this.slots = slots;
    this.publisher = publisher;
    this.runs = runs;
    this.claims = claims;
    this.marks = marks;
    this.instance = instance;
    this.mapper = mapper;
    this.registry = registry;
    this.dimensions = dimensions;
    this.config = config;
    for (Status status : Status.values()) {
      windows.put(status, registry.counter("heartbeat.compute.windows", "status", status.wire()));
    }
  }

  /** @return the window's run, or empty when another computation had already claimed the window */
  public Uni<Optional<WindowRun>> compute(String metricId, PlannedWindow planned) {
    VersionedDefinition definition = planned.definition();
    Window window = planned.window();
    return slots.run(() -> {
      Timer.Sample sample = Timer.start(registry);
      return query.run(definition.definition(), window)
          .onTermination().invoke(() -> sample.stop(registry.timer("heartbeat.compute.query.duration")));
    })
        .map(result -> ResultMapping.observations(metricId, definition, window, now(), result,
            ResultMapping.capOf(definition, config.dimensions().cap())))
        // A broken query is the metric's own error and is published as such; a lost connection is ours,
        // so the window stays due and is retried on the next tick.
        .onFailure(failure -> !isTransient(failure)).recoverWithItem(failure ->
            List.of(ResultMapping.failure(metricId, definition, window, now(), errorOf(failure))))
        .chain(observations -> dimensions.fill(metricId, definition, window, observations))
        .chain(observations -> claimAndPublish(metricId, definition, window, observations));
  }

  /**
   * Publishes again, in window order, the claimed windows of a metric whose observations the broker never
   * acknowledged (an instance died or lost Kafka in between): the same records, so consumers dedup them by id.
   */
  public Uni<Integer> republishPending(String metricId) {
    return runs.pending(metricId).chain(pending -> Multi.createFrom().iterable(pending)
        .onItem().transformToUniAndConcatenate(window -> publish(metricId, window.windowStart(),
            records(window.payload())).invoke(() -> Log.infof("window republished metric=%s start=%s instance=%s",
            metricId, window.windowStart(), instance.value())))
        .collect().asList()
        .map(List::size));
  }

  private Uni<Optional<WindowRun>> claimAndPublish(String metricId, VersionedDefinition definition, Window window,
      List<ObservationEvent> observations) {
    ObservationEvent total = observations.get(0);
    WindowRun run = new WindowRun(metricId, window.start(), window.end(), definition.version(), total.status(),
        total.computedAt(), observations.size(), total.error() == null ? null : total.error().message(),
        instance.value(), null);
    // Written once: the same text is the claim's payload and the records sent.
    List<String> records = observations.stream().map(publisher::json).toList();
    return claims.claim(run, "[" + String.join(",", records) + "]").chain(claimed -> {
      if (!claimed) {
        Log.infof("window already claimed metric=%s start=%s instance=%s", metricId, window.start(),
            instance.value());
        return Uni.createFrom().item(Optional.<WindowRun>empty());
      }
      return publish(metricId, window.start(), records).map(ignored -> {
        windows.get(run.status()).increment();
        // Per window at DEBUG (a thousand metrics make a thousand lines a tick); errors stay visible at INFO.
        if (run.status() == Status.ERROR) {
          Log.infof("window computed metric=%s start=%s end=%s version=%s status=error error=%s instance=%s",
              metricId, window.start(), window.end(), definition.version(), run.error(), instance.value());
        } else {
          Log.debugf("window computed metric=%s start=%s end=%s version=%s status=%s observations=%d instance=%s",
              metricId, window.start(), window.end(), definition.version(), run.status().wire(),
              observations.size(), instance.value());
        }
        return Optional.of(run);
      });
    });
  }

  /** Sends the records and, once the broker acknowledged them all, marks the window published. */
  private Uni<Void> publish(String metricId, Instant windowStart, List<String> records) {
    return publisher.publishAll(metricId, records).ifNoItem().after(PUBLISH_TIMEOUT).fail()
        .chain(() -> marks.mark(metricId, windowStart));
  }

  /** The records kept in a claim's payload, each as it was first sent. */
  private List<String> records(String payload) {
    try {
      List<String> records = new ArrayList<>();
      mapper.readTree(payload).forEach(node -> records.add(node.toString()));
      return records;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored observations are unreadable: " + e.getOriginalMessage(), e);
    }
  }

  public static ObservationError errorOf(Throwable failure) {
    if (failure instanceof PgException pg) {
      return new ObservationError(pg.getErrorMessage(), pg.getSqlState());
    }
    if (failure instanceof NumberFormatException) {
      // The driver cannot decode numeric 'Infinity' / '-Infinity' (it handles NaN): say what it means.
      return new ObservationError("value_sql returned Infinity or -Infinity as value", null);
    }
    if (failure instanceof IllegalArgumentException || failure instanceof TimeoutException
        || failure instanceof ResultTooLarge) {
      return new ObservationError(failure.getMessage(), null);
    }
    // Driver-side failures (e.g. a value it cannot decode): the message, never a stack trace.
    return new ObservationError(failure.getClass().getSimpleName() + ": " + failure.getMessage(), null);
  }

  /**
   * Connection trouble, a marts database or login that is not there (yet), shutdown or overload: not the metric's
   * fault, so nothing is published and the window stays due.
   */
  public static boolean isTransient(Throwable failure) {
    if (failure instanceof PgException pg) {
      String state = pg.getSqlState() == null ? "" : pg.getSqlState();
      return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("28")
          || state.equals("3D000");
    }
    return failure instanceof ConnectException || failure instanceof VertxException
        || failure instanceof IOException;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
