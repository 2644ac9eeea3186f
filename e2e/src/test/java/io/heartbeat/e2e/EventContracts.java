package io.heartbeat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The JSON Schemas of docs/events, for what the end-to-end tests send and what their receivers get. */
final class EventContracts {

  static final String DEFINITION = "metric-definition.v1.json";
  static final String OBSERVATION = "observation.v1.json";
  static final String WEBHOOK = "webhook.v1.json";

  private static final Path DIR = Path.of("..", "docs", "events").toAbsolutePath().normalize();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private EventContracts() {
  }

  /** What the schema finds wrong with the event, one message per line; empty when it is valid. */
  static String problems(String schemaFile, JsonNode event) {
    return schema(schemaFile).validate(event).stream().map(ValidationMessage::getMessage).sorted()
        .collect(Collectors.joining("\n"));
  }

  static JsonNode requireValid(String schemaFile, JsonNode event) {
    String problems = problems(schemaFile, event);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(schemaFile + " rejects " + event + ":\n" + problems);
    }
    return event;
  }

  private static JsonSchema schema(String file) {
    return SCHEMAS.computeIfAbsent(file, name -> {
      try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
        return FACTORY.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
