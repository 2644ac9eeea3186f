package io.heartbeat.registry.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.model.MetricDefinition;
import io.heartbeat.registry.model.MetricDefinitionEvent;
import io.heartbeat.registry.model.OperatorFields;
import io.heartbeat.registry.parse.MetricFileParser;
import io.heartbeat.registry.repository.RegistryRow;

/** Turns registry rows into the events consumers see, and computes the version those events carry. */
@ApplicationScoped
public class RegistryEvents {

  private final ObjectMapper mapper;

  public RegistryEvents(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** What consumers see changes when the file or an operator field changes; both go into the version. */
  public String version(String fileVersion, OperatorFields operator) {
    return MetricFileParser.sha256(fileVersion + "|" + write(operator));
  }

  public MetricDefinitionEvent toEvent(RegistryRow row) {
    boolean removed = row.state().equals("removed");
    String type = removed ? MetricDefinitionEvent.REMOVED : MetricDefinitionEvent.DEFINED;
    MetricDefinition definition = removed ? null : definition(row);
    return new MetricDefinitionEvent(1, MetricFileParser.sha256(type + "|" + row.metricId() + "|" + row.version()),
        type, row.metricId(), row.version(), row.state(), Instant.now(), definition, problems(row.problemsJson()));
  }

  /** The file's last good definition with the operator's fields laid over it (null if never valid). */
  public MetricDefinition definition(RegistryRow row) {
    MetricDefinition file = read(row.definitionJson());
    return row.operator() == null ? file : row.operator().overlay(file);
  }

  public MetricDefinition fileDefinition(RegistryRow row) {
    return read(row.definitionJson());
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private MetricDefinition read(String json) {
    try {
      return json == null ? null : mapper.readValue(json, MetricDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<DefinitionProblem> problems(String json) {
    try {
      return json == null ? List.of() : mapper.readValue(json, new TypeReference<List<DefinitionProblem>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
