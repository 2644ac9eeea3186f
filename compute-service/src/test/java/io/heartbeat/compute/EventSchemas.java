package io.heartbeat.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts in docs/events, loaded as the tests run from the module directory. */
public final class EventSchemas {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private EventSchemas() {
  }

  public static Set<ValidationMessage> observationErrors(JsonNode event) {
    return load("observation.v1.json").validate(event);
  }

  public static Set<ValidationMessage> historyErrors(JsonNode event) {
    return load("observation-history.v1.json").validate(event);
  }

  public static Set<ValidationMessage> definitionErrors(JsonNode event) {
    return load("metric-definition.v1.json").validate(event);
  }

  private static JsonSchema load(String name) {
    try (InputStream in = Files.newInputStream(Path.of("../docs/events", name))) {
      return FACTORY.getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read ../docs/events/" + name, e);
    }
  }
}
