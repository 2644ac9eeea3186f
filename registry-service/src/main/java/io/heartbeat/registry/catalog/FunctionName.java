package io.heartbeat.registry.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A called function's name as PostgreSQL resolves it: unquoted parts folded to lower case, quoted parts kept exactly,
 * both cut to 63 bytes (NAMEDATALEN). schema is null for an unqualified name, which the search path resolves.
 */
public record FunctionName(String schema, String name) {

  private static final int MAX_IDENTIFIER_BYTES = 63;

  /** From the parts of a qualified name as written, e.g. [pg_catalog, "Random"]; [db, schema, fn] keeps schema.fn. */
  public static FunctionName of(List<String> written) {
    if (written.size() > 3) {
      // PostgreSQL refuses "improper qualified name": no schema of this name exists, so the lookup finds nothing.
      return new FunctionName(String.join(".", written), identifier(written.get(written.size() - 1)));
    }
    String last = written.get(written.size() - 1);
    String schema = written.size() == 1 ? null : identifier(written.get(written.size() - 2));
    return new FunctionName(schema, identifier(last));
  }

  /** From one string as JSqlParser keeps a window or aggregate call's name: parts split by '.' or blanks. */
  public static FunctionName parse(String written) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
        part.append(c);
      } else if (!inQuotes && (c == '.' || Character.isWhitespace(c))) {
        if (part.length() > 0) {
          parts.add(part.toString());
          part.setLength(0);
        }
      } else {
        part.append(c);
      }
    }
    if (part.length() > 0) {
      parts.add(part.toString());
    }
    return of(parts.isEmpty() ? List.of(written) : parts);
  }

  /** How the name reads in a message: schema.name. */
  public String shown() {
    return schema == null ? name : schema + "." + name;
  }

  static boolean isQuoted(String part) {
    return part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"");
  }

  private static String identifier(String part) {
    String folded = isQuoted(part) ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
        : part.toLowerCase(Locale.ROOT);
    return truncate(folded);
  }

  private static String truncate(String identifier) {
    byte[] bytes = identifier.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_IDENTIFIER_BYTES) {
      return identifier;
    }
    int end = identifier.length();
    while (identifier.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      end--;
    }
    return identifier.substring(0, end);
  }
}
