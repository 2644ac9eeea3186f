package io.heartbeat.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts of docs/events, checked against what is really sent and received. */
public final class Contracts {

  public static final String DEFINITION = "metric-definition.v1.json";
  public static final String OBSERVATION = "observation.v1.json";
  public static final String EVALUATION = "evaluation.v1.json";
  public static final String ALERT = "alert.v1.json";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private Contracts() {
  }

  public static void assertValid(String schemaFile, JsonNode event) {
    Set<ValidationMessage> errors = schema(schemaFile).validate(event);
    assertEquals(Set.of(), errors, schemaFile + " rejects " + event);
  }

  private static JsonSchema schema(String file) {
    // Tests run in the module directory; the contracts live in the repository's docs/events.
    return SCHEMAS.computeIfAbsent(file, name -> {
      try (InputStream in = Files.newInputStream(Path.of("../docs/events", name))) {
        return FACTORY.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
