package io.heartbeat.alert.rest;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.alert.model.EvaluationEvent;
import io.heartbeat.alert.repository.EvaluationRepository;
import io.heartbeat.alert.repository.MetricRepository;
import io.smallrye.mutiny.Uni;

/** Read access to the evaluations of a metric. */
@Path("/api/metrics/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

  static final int MAX_LIMIT = 500;

  private final EvaluationRepository evaluations;
  private final MetricRepository metrics;
  private final ObjectMapper mapper;

  public EvaluationResource(EvaluationRepository evaluations, MetricRepository metrics, ObjectMapper mapper) {
    this.evaluations = evaluations;
    this.metrics = metrics;
    this.mapper = mapper;
  }

  @GET
  @Path("/evaluations")
  @Operation(summary = "Latest evaluations of a metric, all dimensions, latest window first")
  public Uni<List<EvaluationEvent>> evaluations(@PathParam("id") String id,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    return evaluations.latest(id, limit)
        .map(payloads -> payloads.stream().map(this::read).toList())
        .call(found -> found.isEmpty() ? requireMetric(id) : Uni.createFrom().voidItem());
  }

  @GET
  @Path("/status")
  @Operation(summary = "The latest metric-level evaluation (no dimension) of a metric")
  public Uni<EvaluationEvent> status(@PathParam("id") String id) {
    return evaluations.latestOfMetric(id)
        .map(payload -> {
          if (payload == null) {
            throw new NotFoundException("no metric-level evaluation for metric " + id);
          }
          return read(payload);
        });
  }

  private Uni<Void> requireMetric(String id) {
    return metrics.exists(id).map(exists -> {
      if (!exists) {
        throw new NotFoundException("unknown metric " + id);
      }
      return null;
    });
  }

  private EvaluationEvent read(String payload) {
    try {
      return mapper.readValue(payload, EvaluationEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored evaluation is not readable", e);
    }
  }
}
