package io.heartbeat.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.judge.Judge;
import io.heartbeat.alert.judge.Judgement;
import io.heartbeat.alert.judge.Outcome;
import io.heartbeat.alert.judge.Reading;
import io.heartbeat.alert.judge.Staleness;
import io.heartbeat.alert.messaging.EvaluationPublisher;
import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.model.Metric;
import io.heartbeat.alert.model.ObservationError;
import io.heartbeat.alert.model.ObservationEvent;
import io.heartbeat.alert.repository.EvaluationRepository;
import io.heartbeat.alert.repository.LastObservationRepository;
import io.heartbeat.alert.repository.LastObservationRepository.Watched;
import io.heartbeat.alert.repository.MetricRepository;
import io.heartbeat.alert.repository.PendingObservationRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Judges observations, stores each evaluation once and publishes it only when it is new. */
@ApplicationScoped
public class EvaluationService {

  private final Pool pool;
  private final MetricRepository metrics;
  private final EvaluationRepository evaluations;
  private final PendingObservationRepository pending;
  private final LastObservationRepository lastObservations;
  private final EvaluationPublisher publisher;
  private final ObjectMapper mapper;
  private final Clock clock;

  public EvaluationService(Pool pool, MetricRepository metrics, EvaluationRepository evaluations,
      PendingObservationRepository pending, LastObservationRepository lastObservations,
      EvaluationPublisher publisher, ObjectMapper mapper, Clock clock) {
    this.pool = pool;
    this.metrics = metrics;
    this.evaluations = evaluations;
    this.pending = pending;
    this.lastObservations = lastObservations;
    this.publisher = publisher;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Judges one observation; json is the observation as received, kept if its definition is not known yet. */
  public Uni<Void> judge(ObservationEvent observation, String json) {
    Uni<Void> beat = observation.dimension() != null
        ? Uni.createFrom().voidItem()
        : lastObservations.record(observation.metricId(), observation.id(), observation.windowEnd(), now());
    return beat.chain(() -> metrics.find(observation.metricId()))
        .chain(metric -> metric != null ? evaluate(observation, metric) : awaitDefinition(observation, json));
  }

  /** Judges, oldest first, the observations of a metric that arrived before its definition. */
  public Uni<Void> judgePending(Metric metric) {
    return pending.list(metric.metricId())
        .onItem().transformToMulti(payloads -> Multi.createFrom().iterable(payloads))
        .onItem().transformToUniAndConcatenate(json -> {
          ObservationEvent observation = read(json);
          return evaluate(observation, metric).chain(() -> pending.delete(observation.id()));
        })
        .collect().last()
        .replaceWithVoid();
  }

  /** Publishes the stale verdict for a metric that stopped beating; true when it is new. */
  public Uni<Boolean> markStale(Watched watched, int missedPeriods) {
    Judgement judgement = Staleness.stale(watched.last().observedAt(), watched.last().windowEnd(), missedPeriods);
    return publishOnce(EvaluationEvent.stale(watched.metric(), watched.last(), judgement, now()));
  }

  private Uni<Void> awaitDefinition(ObservationEvent observation, String json) {
    return pending.store(observation.id(), observation.metricId(), json, now())
        .chain(() -> evaluate(observation, null))
        // The definition may have been stored meanwhile: both paths write, then read, so one of them sees the
        // other and judges the waiting observation (a double judgement is harmless, the id is the same).
        .chain(() -> metrics.find(observation.metricId()))
        .chain(metric -> metric == null ? Uni.createFrom().voidItem() : judgePending(metric));
  }

  private Uni<Void> evaluate(ObservationEvent observation, Metric metric) {
    Judgement judgement = Judge.judge(reading(observation), metric == null ? null : metric.criteria());
    return publishOnce(EvaluationEvent.judged(observation, metric, judgement, now())).replaceWithVoid();
  }

  /**
   * Inserts the evaluation and, only when the row is new, publishes it before the transaction commits: a failed
   * send rolls the row back so a redelivery retries it, and a replay finds the row and publishes nothing.
   */
  private Uni<Boolean> publishOnce(EvaluationEvent event) {
    String json = write(event);
    return pool.withTransaction(connection -> evaluations.insert(connection, event, json)
        .call(inserted -> inserted ? publisher.publish(event, json) : Uni.createFrom().voidItem()))
        .invoke(inserted -> Log.debugf("Evaluation metricId=%s observationId=%s status=%s new=%s",
            event.metricId(), event.observationId(), event.status(), inserted));
  }

  private static Reading reading(ObservationEvent observation) {
    ObservationError error = observation.error();
    String message = error == null ? null
        : error.sqlState() == null ? error.message() : error.message() + " (sqlState " + error.sqlState() + ")";
    return new Reading(Outcome.fromWire(observation.status()), observation.value(), message);
  }

  private ObservationEvent read(String json) {
    try {
      return mapper.readValue(json, ObservationEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored observation is not readable", e);
    }
  }

  private String write(EvaluationEvent event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evaluation cannot be written as JSON", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
