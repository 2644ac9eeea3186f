package io.heartbeat.registry.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexical pass over value_sql that skips strings, quoted identifiers and comments, and reports the named
 * parameters and function calls with their line. The SQL parser gives the structure; this gives what it does not
 * expose simply (parameter names outside literals, calls to functions we refuse).
 */
final class SqlTokens {

  record Found(String name, int line) {
  }

  final List<Found> parameters = new ArrayList<>();
  final List<Found> calls = new ArrayList<>();

  static SqlTokens scan(String sql) {
    SqlTokens t = new SqlTokens();
    int line = 1;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        end = end < 0 ? n : end;
        line += count(sql, i, end);
        i = end + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end;
        line += count(sql, i, end);
        i = end + 2;
      } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
        int tagEnd = sql.indexOf('$', i + 1);
        if (tagEnd < 0) {
          i++;
          continue;
        }
        String tag = sql.substring(i, tagEnd + 1);
        int end = sql.indexOf(tag, tagEnd + 1);
        end = end < 0 ? n : end;
        line += count(sql, i, end);
        i = end + tag.length();
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isLetter(sql.charAt(i + 1))) {
        int end = identifierEnd(sql, i + 1);
        t.parameters.add(new Found(sql.substring(i + 1, end), line));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = identifierEnd(sql, i);
        int next = end;
        while (next < n && (sql.charAt(next) == ' ' || sql.charAt(next) == '\t')) {
          next++;
        }
        if (next < n && sql.charAt(next) == '(') {
          String name = sql.substring(i, end).toLowerCase();
          int dot = name.lastIndexOf('.');
          t.calls.add(new Found(dot >= 0 ? name.substring(dot + 1) : name, line));
        }
        i = end;
      } else {
        i++;
      }
    }
    return t;
  }

  private static int identifierEnd(String sql, int from) {
    int end = from;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
        || sql.charAt(end) == '.')) {
      end++;
    }
    return end;
  }

  private static int count(String sql, int from, int to) {
    int lines = 0;
    for (int k = from; k < Math.min(to, sql.length()); k++) {
      if (sql.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
