package io.heartbeat.registry.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexical pass over value_sql that skips strings, quoted identifiers and comments, and reports the named
 * parameters, function calls, bare words and statement breaks with their line. The SQL parser gives the structure;
 * this gives what it does not expose simply (parameter names outside literals, calls to functions we refuse, where a
 * clause is). It skips literals the way compute-service's NamedParameters does, so both see the same parameters.
 */
final class SqlTokens {

  /** A name found at {@code line} (1-based in value_sql), spanning [start, end) of the SQL text. */
  record Found(String name, int line, int start, int end) {
  }

  final List<Found> parameters = new ArrayList<>();
  final List<Found> calls = new ArrayList<>();
  /** Bare (unquoted) words, lower-cased: keywords and identifiers, in order. */
  final List<Found> words = new ArrayList<>();
  /** For each ';' followed by more SQL, the line where that next statement starts. */
  final List<Integer> statementStarts = new ArrayList<>();
  /** The first string, quoted name, comment or $$ body that never closes (name: what it is), or null. */
  Found unterminated;

  private final String sql;
  private final int n;
  private int i;
  private int line = 1;

  private SqlTokens(String sql) {
    this.sql = sql;
    this.n = sql.length();
  }

  static SqlTokens scan(String sql) {
    SqlTokens t = new SqlTokens(sql);
    t.run();
    return t;
  }

  /** The first bare word, or null when the SQL has none. */
  Found firstWord() {
    return words.isEmpty() ? null : words.get(0);
  }

  /** True when only whitespace separates the two words (so they form one clause, e.g. FOR UPDATE). */
  boolean adjacent(Found a, Found b) {
    return sql.substring(a.end(), b.start()).isBlank();
  }

  private void run() {
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '\'') {
        skipTo(closed("string", quotedEnd('\'', isEscapeString())));
      } else if (c == '"') {
        int start = i;
        int startLine = line;
        skipTo(closed("quoted name", quotedEnd('"', false)));
        // A quoted name is still a call: "pg_sleep"(1) sleeps like pg_sleep(1).
        if (followedByParenthesis(i)) {
          String name = sql.substring(start + 1, Math.max(start + 1, i - 1)).replace("\"\"", "\"").toLowerCase();
          calls.add(new Found(name, startLine, start, i));
        }
      } else if (c == '-' && next == '-') {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? n : newline;
      } else if (c == '/' && next == '*') {
        skipTo(closed("block comment", blockCommentEnd(i)));
      } else if (c == '$' && !isIdentifierPart(charBefore(i)) && Character.isDigit(next)) {
        int end = i + 1;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        parameters.add(new Found(sql.substring(i, end), line, i, end));
        i = end;
      } else if (c == '$' && !isIdentifierPart(charBefore(i))) {
        skipTo(closed("dollar-quoted string", dollarQuotedEnd(i)));
      } else if (c == ':' && next == ':') {
        i += 2;
      } else if (c == ':' && isIdentifierStart(next)) {
        int end = i + 1;
        while (end < n && isIdentifierPart(sql.charAt(end))) {
          end++;
        }
        parameters.add(new Found(sql.substring(i + 1, end), line, i, end));
        i = end;
      } else if (c == ';') {
        i++;
        int start = nextTokenLine();
        if (start > 0) {
          statementStarts.add(start);
        }
      } else if (isIdentifierStart(c)) {
        word();
      } else {
        i++;
      }
    }
  }

  private void word() {
    int start = i;
    int end = i;
    while (end < n && (isIdentifierPart(sql.charAt(end)) || sql.charAt(end) == '.')) {
      end++;
    }
    String name = sql.substring(start, end).toLowerCase();
    i = end;
    if (followedByParenthesis(end)) {
      int dot = name.lastIndexOf('.');
      calls.add(new Found(dot >= 0 ? name.substring(dot + 1) : name, line, start, end));
    } else if (name.endsWith(".") && end < n && sql.charAt(end) == '"') {
      return; // schema-qualified quoted name: the quoted part is read next
    }
    words.add(new Found(name, line, start, end));
  }

  /** True when the next token after {@code from} is '(' (whitespace, line breaks and comments may come between). */
  private boolean followedByParenthesis(int from) {
    int k = from;
    while (k < n) {
      char c = sql.charAt(k);
      if (Character.isWhitespace(c)) {
        k++;
      } else if (sql.startsWith("--", k)) {
        int newline = sql.indexOf('\n', k);
        k = newline < 0 ? n : newline;
      } else if (sql.startsWith("/*", k)) {
        k = commentEnd(k);
      } else {
        return c == '(';
      }
    }
    return false;
  }

  /** The line of the next token from i, or -1 when only whitespace and comments remain. */
  private int nextTokenLine() {
    int k = i;
    int l = line;
    while (k < n) {
      char c = sql.charAt(k);
      if (c == '\n') {
        l++;
        k++;
      } else if (Character.isWhitespace(c)) {
        k++;
      } else if (sql.startsWith("--", k)) {
        int newline = sql.indexOf('\n', k);
        k = newline < 0 ? n : newline;
      } else if (sql.startsWith("/*", k)) {
        int end = commentEnd(k);
        l += count(k, end);
        k = end;
      } else {
        return l;
      }
    }
    return -1;
  }

  /** Notes a literal that runs to the end of the SQL (end < 0), and returns where scanning resumes. */
  private int closed(String what, int end) {
    if (end >= 0) {
      return end;
    }
    if (unterminated == null) {
      unterminated = new Found(what, line, i, n);
    }
    return n;
  }

  private void skipTo(int end) {
    line += count(i, end);
    i = end;
  }

  /** The index after the closing quote, or -1 when the quote never closes. */
  private int quotedEnd(char quote, boolean backslashEscapes) {
    int k = i + 1;
    while (k < n) {
      char c = sql.charAt(k);
      if (backslashEscapes && c == '\\') {
        k += 2;
      } else if (c == quote && k + 1 < n && sql.charAt(k + 1) == quote) {
        k += 2;
      } else if (c == quote) {
        return k + 1;
      } else {
        k++;
      }
    }
    return -1;
  }

  /** E'...' strings take backslash escapes, so E'\'' is one string. */
  private boolean isEscapeString() {
    char before = charBefore(i);
    return (before == 'E' || before == 'e') && !isIdentifierPart(charBefore(i - 1));
  }

  /** PostgreSQL block comments nest. The index after the closing '*' '/', or -1 when it never closes. */
  private int blockCommentEnd(int open) {
    int depth = 0;
    int k = open;
    while (k < n - 1) {
      if (sql.startsWith("/*", k)) {
        depth++;
        k += 2;
      } else if (sql.startsWith("*/", k)) {
        depth--;
        k += 2;
        if (depth == 0) {
          return k;
        }
      } else {
        k++;
      }
    }
    return -1;
  }

  /** Where a block comment ends, or the end of the SQL when it never does (reported by the main scan). */
  private int commentEnd(int open) {
    int end = blockCommentEnd(open);
    return end < 0 ? n : end;
  }

  /** $tag$ ... $tag$; a lone '$' is one character; -1 when the body never closes. */
  private int dollarQuotedEnd(int open) {
    int k = open + 1;
    while (k < n && sql.charAt(k) != '$') {
      if (!(k == open + 1 ? isIdentifierStart(sql.charAt(k)) : isIdentifierPart(sql.charAt(k)))) {
        return open + 1;
      }
      k++;
    }
    if (k >= n) {
      return open + 1;
    }
    String tag = sql.substring(open, k + 1);
    int close = sql.indexOf(tag, k + 1);
    return close < 0 ? -1 : close + tag.length();
  }

  private int count(int from, int to) {
    int lines = 0;
    for (int k = from; k < Math.min(to, n); k++) {
      if (sql.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private char charBefore(int k) {
    return k > 0 ? sql.charAt(k - 1) : '\0';
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
