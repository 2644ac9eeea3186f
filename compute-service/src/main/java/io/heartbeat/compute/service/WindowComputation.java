package io.heartbeat.compute.service;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.compute.messaging.ObservationPublisher;
import io.heartbeat.compute.model.ObservationError;
import io.heartbeat.compute.model.ObservationEvent;
import io.heartbeat.compute.model.VersionedDefinition;
import io.heartbeat.compute.model.WindowRun;
import io.heartbeat.compute.repository.WindowRunRepository;
import io.heartbeat.compute.schedule.PlannedWindow;
import io.heartbeat.compute.schedule.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

/**
 * Computes one window of one metric: value_sql, observations, publish, and only after the broker acknowledged
 * them the window_run row (at-least-once; consumers dedup by observation id).
 */
@ApplicationScoped
public class WindowComputation {

  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final ValueQuery query;
  private final ObservationPublisher publisher;
  private final WindowRunRepository runs;
  private final MeterRegistry registry;

  public WindowComputation(ValueQuery query, ObservationPublisher publisher, WindowRunRepository runs,
      MeterRegistry registry) {
    this.query = query;
    this.publisher = publisher;
    this.runs = runs;
    this.registry = registry;
  }

  public Uni<WindowRun> compute(String metricId, PlannedWindow planned) {
    VersionedDefinition definition = planned.definition();
    Window window = planned.window();
    Timer.Sample sample = Timer.start(registry);
    return query.run(definition.definition(), window)
        .map(result -> ResultMapping.observations(metricId, definition, window, now(), result))
        // A broken query is the metric's own error and is published as such; a lost connection is ours,
        // so the window stays due and is retried on the next tick.
        .onFailure(failure -> !isTransient(failure)).recoverWithItem(failure ->
            List.of(ResultMapping.failure(metricId, definition, window, now(), errorOf(failure))))
        .invoke(() -> sample.stop(registry.timer("heartbeat.compute.query.duration")))
        .call(observations -> publisher.publishAll(observations).ifNoItem().after(PUBLISH_TIMEOUT).fail())
        .chain(observations -> record(metricId, definition, window, observations));
  }

  private Uni<WindowRun> record(String metricId, VersionedDefinition definition, Window window,
      List<ObservationEvent> observations) {
    ObservationEvent total = observations.get(0);
    WindowRun run = new WindowRun(metricId, window.start(), window.end(), definition.version(), total.status(),
        total.computedAt(), observations.size(), total.error() == null ? null : total.error().message());
    return runs.record(run).map(recorded -> {
      registry.counter("heartbeat.compute.windows", "status", run.status().wire()).increment();
      Log.infof("window computed metric=%s start=%s end=%s version=%s status=%s observations=%d recorded=%s",
          metricId, window.start(), window.end(), definition.version(), run.status().wire(), observations.size(),
          recorded);
      return run;
    });
  }

  static ObservationError errorOf(Throwable failure) {
    if (failure instanceof PgException pg) {
      return new ObservationError(pg.getErrorMessage(), pg.getSqlState());
    }
    if (failure instanceof NumberFormatException) {
      // The driver cannot decode numeric 'Infinity' / '-Infinity' (it handles NaN): say what it means.
      return new ObservationError("value_sql returned Infinity or -Infinity as value", null);
    }
    if (failure instanceof IllegalArgumentException || failure instanceof TimeoutException) {
      return new ObservationError(failure.getMessage(), null);
    }
    // Driver-side failures (e.g. a value it cannot decode): the message, never a stack trace.
    return new ObservationError(failure.getClass().getSimpleName() + ": " + failure.getMessage(), null);
  }

  /** Connection trouble, shutdown or overload: not the metric's fault, so nothing is published. */
  static boolean isTransient(Throwable failure) {
    if (failure instanceof PgException pg) {
      String state = pg.getSqlState() == null ? "" : pg.getSqlState();
      return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }
    return failure instanceof ConnectException || failure instanceof VertxException
        || failure instanceof IOException;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
