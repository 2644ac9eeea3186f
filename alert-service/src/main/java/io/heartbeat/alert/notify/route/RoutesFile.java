package io.heartbeat.alert.notify.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the routes file (YAML, or JSON, which YAML reads too). A wrong file is refused with file:line: field:
 * what is wrong, e.g. "routes.yaml:14: routes[1].receivers: unknown receiver slack-ops"; unknown keys are errors
 * too, so a misspelt "recievers" is not silently a route to no one.
 */
public final class RoutesFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private RoutesFile() {
  }

  /** The routes in the file, or empty when there is no such file (no notifications, which is not an error). */
  public static Optional<Routes> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(file + ": cannot read the routes file: " + e.getMessage(), e);
    }
    return Optional.of(parse(file.getFileName().toString(), text));
  }

  public static Routes parse(String fileName, String text) {
    try {
      Routes routes = YAML.readValue(text, Routes.class);
      if (routes == null) {
        throw new IllegalArgumentException(fileName + ":1: version: the routes file is empty");
      }
      return routes;
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(fileName + ":" + line(e.getLocation()) + ": " + field(e) + message(e), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(fileName + ":" + line(e.getLocation()) + ": not YAML: "
          + e.getOriginalMessage(), e);
    }
  }

  private static String line(JsonLocation location) {
    return location == null ? "?" : Integer.toString(location.getLineNr());
  }

  /** "routes[1].match.severity: ", from the path Jackson was reading; empty at the top of the file. */
  private static String field(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining());
    path = path.startsWith(".") ? path.substring(1) : path;
    return path.isEmpty() ? "" : path + ": ";
  }

  /** Our own checks speak for themselves (and may name a deeper field); Jackson's are shortened to their point. */
  private static String message(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    String original = e.getOriginalMessage();
    int newline = original.indexOf('\n');
    return newline < 0 ? original : original.substring(0, newline);
  }
}
