package io.heartbeat.alert.notify.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The vendors' documented request formats, written as JSON Schemas in the test resources from each vendor's
 * reference (required fields, enums, lengths, counts). The receivers check every request against them, as the
 * vendor would before accepting it.
 */
public final class VendorSchemas {

  public static final String PAGERDUTY = "pagerduty-event.schema.json";
  public static final String INCIDENTIO = "incidentio-alert-event.schema.json";
  public static final String SLACK = "slack-message.schema.json";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private VendorSchemas() {
  }

  /** What the vendor would refuse in {@code body}; empty when it is accepted. */
  public static List<String> errors(String schema, JsonNode body) {
    return load(schema).validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private static JsonSchema load(String file) {
    return SCHEMAS.computeIfAbsent(file, name -> {
      try (InputStream in = VendorSchemas.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("no vendor schema " + name);
        }
        return FACTORY.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
