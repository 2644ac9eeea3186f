package io.heartbeat.compute.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Rewrites {@code :window_start} / {@code :window_end} in value_sql to bind parameters {@code $1}, {@code $2}
 * numbered in order of first use (the driver wants exactly as many values as the statement has parameters).
 * A small scanner rather than a regex, because a name inside a string literal, a quoted identifier, a comment,
 * a dollar-quoted body or a {@code ::type} cast must stay as written. {@link #substitute} puts SQL expressions in
 * their place instead, for the history's one statement over many windows.
 */
public final class NamedParameters {

  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";
  private static final Set<String> KNOWN = Set.of(WINDOW_START, WINDOW_END);

  private NamedParameters() {
  }

  /**
   * The rewritten SQL and the parameter names in bind order ($1 first). A trailing semicolon is dropped: the query
   * runs inside the statement that bounds its result ({@link ResultBounds}).
   */
  public record Positional(String sql, List<String> names) {
  }

  /** @throws IllegalArgumentException for a named parameter other than the two window bounds */
  public static Positional toPositional(String sql) {
    List<String> names = new ArrayList<>(2);
    String rewritten = rewrite(sql, name -> {
      if (!names.contains(name)) {
        names.add(name);
      }
      // Typed explicitly so a parameter binds as timestamptz whatever its context (e.g. "select :window_start").
      return "$" + (names.indexOf(name) + 1) + "::timestamptz";
    });
    return new Positional(rewritten, List.copyOf(names));
  }

  /**
   * Replaces each window bound by an SQL expression (parenthesised) and drops a trailing semicolon, so the query can
   * run as a subquery (the history's {@code cross join lateral}); literals and comments stay as written.
   *
   * @throws IllegalArgumentException for a named parameter other than the two window bounds
   */
  public static String substitute(String sql, String windowStart, String windowEnd) {
    return rewrite(sql, name -> "(" + (WINDOW_START.equals(name) ? windowStart : windowEnd) + ")");
  }

  private static String rewrite(String sql, Function<String, String> replacement) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    // Where in out the last top-level ';' is, and whether only whitespace and comments follow it.
    int semicolon = -1;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      int end;
      boolean comment = false;
      if (c == '\'') {
        end = quotedEnd(sql, i, '\'', isEscapeString(sql, i));
      } else if (c == '"') {
        end = quotedEnd(sql, i, '"', false);
      } else if (c == '-' && next == '-') {
        int newline = sql.indexOf('\n', i);
        end = newline < 0 ? n : newline;
        comment = true;
      } else if (c == '/' && next == '*') {
        end = blockCommentEnd(sql, i);
        comment = true;
      } else if (c == '$' && !isIdentifierPart(charBefore(sql, i))) {
        end = dollarQuotedEnd(sql, i);
      } else if (c == ':' && next == ':') {
        end = i + 2;
      } else if (c == ':' && isIdentifierStart(next)) {
        end = i + 1;
        while (end < n && isIdentifierPart(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        if (!KNOWN.contains(name)) {
          throw new IllegalArgumentException(
              "unknown named parameter :" + name + " (value_sql may use :window_start and :window_end)");
        }
        out.append(replacement.apply(name));
        semicolon = -1;
        i = end;
        continue;
      } else {
        end = i + 1;
      }
      if (c == ';') {
        semicolon = out.length();
      } else if (!comment && !Character.isWhitespace(c)) {
        semicolon = -1;
      }
      out.append(sql, i, end);
      i = end;
    }
    if (semicolon >= 0) {
      out.setCharAt(semicolon, ' ');
    }
    return out.toString();
  }

  private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static boolean isEscapeString(String sql, int quote) {
    char before = charBefore(sql, quote);
    return (before == 'E' || before == 'e') && !isIdentifierPart(charBefore(sql, quote - 1));
  }

  /** PostgreSQL block comments nest. */
  private static int blockCommentEnd(String sql, int open) {
    int depth = 0;
    int i = open;
    while (i < sql.length() - 1) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** $tag$ ... $tag$; a lone '$' (or $1) is copied as one character. */
  private static int dollarQuotedEnd(String sql, int open) {
    int i = open + 1;
    while (i < sql.length() && sql.charAt(i) != '$') {
      if (!(i == open + 1 ? isIdentifierStart(sql.charAt(i)) : isIdentifierPart(sql.charAt(i)))) {
        return open + 1;
      }
      i++;
    }
    if (i >= sql.length()) {
      return open + 1;
    }
    String tag = sql.substring(open, i + 1);
    int close = sql.indexOf(tag, i + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }

  private static char charBefore(String sql, int i) {
    return i > 0 ? sql.charAt(i - 1) : '\0';
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
