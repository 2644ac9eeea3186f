package io.heartbeat.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates emitted JSON against the contract in docs/events. */
public final class EventSchema {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonSchema schema;

  public EventSchema(String file) {
    try {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Files.readString(Path.of("../docs/events", file)), config);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Set<ValidationMessage> validate(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return schema.validate(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
