package io.heartbeat.registry.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.heartbeat.registry.model.DefinitionProblem;

/** Splits raw file bytes into header and body, reporting size, encoding and header syntax problems by line. */
public final class MetricFileReader {

  private static final Pattern HEADER = Pattern.compile("^--\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$");
  private final int maxBytes;

  public MetricFileReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Returns the split file, or null with the problems added to {@code problems}. */
  public MetricFile read(String path, String metricId, byte[] bytes, List<DefinitionProblem> problems) {
    if (bytes.length > maxBytes) {
      problems.add(new DefinitionProblem(path, 0, "file",
          "file is " + bytes.length + " bytes: expected at most " + maxBytes + " bytes"));
      return null;
    }
    String text = decode(path, bytes, problems);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      problems.add(new DefinitionProblem(path, 1, "file", "file is empty: expected a header of '-- key: value' lines and a SELECT"));
      return null;
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      // Anywhere in the file, not only the header: JSqlParser would otherwise report a NUL as a lexical error.
      problems.add(new DefinitionProblem(path, lineOf(text, nul), "file", "binary content (NUL byte): expected UTF-8 text"));
      return null;
    }
    String[] lines = text.split("\r?\n", -1);
    Map<String, MetricFile.HeaderLine> header = new LinkedHashMap<>();
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank() || line.trim().equals("--")) {
        continue;
      }
      if (!line.startsWith("--")) {
        break;
      }
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) {
        // Free comments are allowed only when they cannot be mistaken for a key.
        if (line.matches("^--\\s*[A-Za-z_]+\\s*=.*")) {
          problems.add(new DefinitionProblem(path, lineNo, "header", "'" + line.trim() + "': expected '-- key: value'"));
        }
        continue;
      }
      String key = m.group(1);
      String value = m.group(2).trim();
      if (!HeaderKeys.ALL.contains(key)) {
        problems.add(new DefinitionProblem(path, lineNo, key, "unknown key: expected one of " + HeaderKeys.ALL));
        continue;
      }
      MetricFile.HeaderLine earlier = header.get(key);
      if (earlier != null) {
        problems.add(new DefinitionProblem(path, lineNo, key, "duplicate key (first given on line " + earlier.line()
            + "): expected each key at most once"));
        continue;
      }
      header.put(key, new MetricFile.HeaderLine(lineNo, value));
    }
    keysInBody(path, lines, i, problems);
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(i, lines.length), lines.length)).strip();
    if (body.isEmpty()) {
      problems.add(new DefinitionProblem(path, lastLineWithText(lines), "value_sql",
          "no SQL body after the header: expected one SELECT"));
    }
    return new MetricFile(path, metricId, header, body, i + 1);
  }

  /**
   * A documented key after the SQL has begun is only a SQL comment: the owner meant it (a threshold, a runbook) and
   * would silently lose it, so it is refused where it stands.
   */
  private static void keysInBody(String path, String[] lines, int bodyStart, List<DefinitionProblem> problems) {
    for (int k = bodyStart; k < lines.length; k++) {
      Matcher m = HEADER.matcher(lines[k].strip());
      if (m.matches() && HeaderKeys.ALL.contains(m.group(1))) {
        problems.add(new DefinitionProblem(path, k + 1, m.group(1), "header key inside the SQL body (which starts on line "
            + (bodyStart + 1) + "): expected every '-- key: value' line before the SELECT"));
      }
    }
  }

  /** The last line an editor shows with text on it: a final newline does not start a new line. */
  private static int lastLineWithText(String[] lines) {
    for (int k = lines.length - 1; k >= 0; k--) {
      if (!lines[k].isBlank()) {
        return k + 1;
      }
    }
    return 1;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int k = 0; k < index; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String decode(String path, byte[] bytes, List<DefinitionProblem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      // The decoder stops at the first malformed byte: report its line so the owner can find it.
      int offset = in.position();
      int line = 1;
      for (int k = 0; k < offset; k++) {
        if (bytes[k] == '\n') {
          line++;
        }
      }
      problems.add(new DefinitionProblem(path, line, "file", "invalid UTF-8 at byte " + offset + ": expected UTF-8 text"));
      return null;
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
