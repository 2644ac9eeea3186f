package io.heartbeat.registry.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.schema.Column;

import io.heartbeat.registry.catalog.FunctionCall;
import io.heartbeat.registry.catalog.FunctionCalls;
import io.heartbeat.registry.model.DefinitionProblem;

/**
 * Early, clear checks of a metric's value_sql: one read-only SELECT returning `value` (and `dimension` when the
 * header declares one), taking only the window bounds. The database's read-only role still enforces it at run time,
 * and the calls it returns are judged against the marts catalog at sync (catalog.CallCheck).
 */
public final class ValueSqlCheck {

  public static final Set<String> PARAMETERS = Set.of("window_start", "window_end");
  /** Functions that write, sleep, read files or change settings: refused even though the role could not use most. */
  static final Set<String> REFUSED_CALLS = Set.of("pg_sleep", "pg_sleep_for", "pg_sleep_until", "set_config",
      "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export", "dblink",
      "dblink_exec", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_advisory_lock",
      "pg_advisory_xact_lock", "pg_advisory_lock_shared", "pg_try_advisory_lock", "nextval", "setval", "txid_current",
      "pg_notify", "query_to_xml", "copy", "lo_create", "lo_unlink", "lo_put", "lo_from_bytea", "dblink_connect",
      "dblink_send_query", "pg_logical_emit_message", "pg_switch_wal", "pg_create_restore_point", "pg_rotate_logfile");
  /**
   * Whole families refused by prefix, so no spelling slips through (pg_try_advisory_xact_lock, lo_get, ...). The
   * catalog check at sync refuses every other VOLATILE function; this only makes the error early and named.
   */
  static final List<String> REFUSED_PREFIXES = List.of("pg_advisory", "pg_try_advisory", "lo_", "dblink",
      "pg_read_", "pg_ls_", "pg_sleep");

  private static final Pattern LEXICAL_LINE = Pattern.compile("Lexical error at line (\\d+)");

  private ValueSqlCheck() {
  }

  /**
   * expectsCount: the header sets min_count, which is judged against the SELECT's 'count' column. Returns every
   * function the SELECT calls, with its line in the file, or none when it is not one parsable SELECT.
   */
  public static List<FunctionCall> check(MetricFile file, boolean expectsDimension, boolean expectsCount,
      List<DefinitionProblem> problems) {
    String sql = file.body();
    if (sql.isEmpty()) {
      return List.of();
    }
    int base = file.bodyStartLine();
    SqlTokens tokens = SqlTokens.scan(sql);
    // Judged by the first word, not the parser: it cannot parse COPY, DO or EXPLAIN, and would call them a syntax error.
    SqlTokens.Found first = tokens.firstWord();
    if (first != null && !first.name().equals("select") && !first.name().equals("with")) {
      add(problems, file, base + first.line() - 1, first.name().toUpperCase() + " statement: expected a read-only "
          + "SELECT (a WITH is fine)");
      return List.of();
    }
    if (tokens.unterminated != null) {
      // The parser would only say where the text ended; the owner needs where the literal began.
      add(problems, file, base + tokens.unterminated.line() - 1, "unterminated " + tokens.unterminated.name()
          + ": expected it to close before the end of the SQL");
      return List.of();
    }
    for (SqlTokens.Found call : tokens.calls) {
      if (refused(call.name())) {
        add(problems, file, base + call.line() - 1, "call to " + call.name() + "(): expected a read-only SELECT without "
            + "side effects, sleeps or setting changes");
      }
    }
    for (SqlTokens.Found p : tokens.parameters) {
      if (!PARAMETERS.contains(p.name())) {
        String shown = p.name().startsWith("$") ? "positional parameter " + p.name() : "parameter :" + p.name();
        add(problems, file, base + p.line() - 1, shown + ": expected only :window_start and :window_end");
      }
    }
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException e) {
      add(problems, file, base + errorLine(e) - 1, "SQL does not parse: " + firstLine(e) + ": expected one SELECT");
      return List.of();
    }
    List<Statement> list = statements.stream().filter(s -> s != null).toList();
    if (list.size() != 1) {
      // Point at the second statement: the first one is usually the intended SELECT.
      int line = tokens.statementStarts.isEmpty() ? base : base + tokens.statementStarts.get(0) - 1;
      add(problems, file, line, list.size() + " statements: expected exactly one SELECT");
      return List.of();
    }
    Statement statement = list.get(0);
    if (!(statement instanceof Select select)) {
      add(problems, file, base, statementKind(statement) + " statement: expected a read-only SELECT (a WITH is fine)");
      return List.of();
    }
    if (modifyingWith(select, tokens, file, base, problems)) {
      return List.of();
    }
    lockingOrInto(tokens, file, base, problems);
    List<FunctionCall> calls = new ArrayList<>(FunctionCalls.in(select, base));
    PlainSelect plain = outermost(select);
    if (plain == null) {
      add(problems, file, base, "no plain SELECT list: expected a SELECT returning a numeric 'value' column");
      return calls;
    }
    boolean hasValue = false;
    boolean hasCount = false;
    int dimensionIndex = -1;
    List<SelectItem<?>> items = plain.getSelectItems();
    for (int k = 0; k < items.size(); k++) {
      SelectItem<?> item = items.get(k);
      String name = item.getAlias() != null ? item.getAlias().getName()
          : item.getExpression() instanceof Column c ? c.getColumnName() : null;
      if (name != null) {
        name = name.replace("\"", "").toLowerCase();
        hasValue |= name.equals("value");
        hasCount |= name.equals("count");
        dimensionIndex = name.equals("dimension") && dimensionIndex < 0 ? k : dimensionIndex;
      }
    }
    boolean hasDimension = dimensionIndex >= 0;
    if (!hasValue) {
      add(problems, file, base, "no column named value: expected the SELECT to return a numeric 'value' column");
    }
    if (expectsDimension && !hasDimension) {
      add(problems, file, base, "the header declares a dimension but the SELECT returns no 'dimension' column: expected "
          + "a text column named dimension, e.g. 'customer_id as dimension' with GROUP BY ROLLUP");
    } else if (!expectsDimension && hasDimension) {
      problems.add(new DefinitionProblem(file.path(), base, "dimension",
          "the SELECT returns a 'dimension' column: expected a header line '-- dimension: customer|region|platform'"));
    } else if (hasDimension) {
      TotalRow.Missing missing = TotalRow.missing(select, dimensionIndex);
      if (missing != null) {
        add(problems, file, base + missing.line() - 1, missing.message());
      }
    }
    if (expectsCount && !hasCount) {
      // min_count is compared with this column; without it compute-service could not tell three answers from 300.
      add(problems, file, base, "min_count is set but the SELECT returns no column named count: expected the number of "
          + "events behind value, e.g. 'count(*) as count'");
    }
    List<String> missing = List.of("window_start", "window_end").stream()
        .filter(name -> tokens.parameters.stream().noneMatch(p -> p.name().equals(name))).map(name -> ":" + name).toList();
    if (!missing.isEmpty()) {
      add(problems, file, base, "no " + String.join(" or ", missing) + " parameter: expected the SELECT to filter on "
          + "both :window_start and :window_end");
    }
    return calls;
  }

  /** PostgreSQL runs an INSERT/UPDATE/DELETE/MERGE inside a WITH even when the outer statement is a SELECT. */
  private static boolean modifyingWith(Select select, SqlTokens tokens, MetricFile file, int base,
      List<DefinitionProblem> problems) {
    if (select.getWithItemsList() == null) {
      return false;
    }
    for (WithItem<?> item : select.getWithItemsList()) {
      ParenthesedStatement inner = item.getParenthesedStatement();
      if (inner != null && !(inner instanceof ParenthesedSelect)) {
        String kind = statementKind(inner);
        int line = tokens.words.stream().filter(w -> w.name().equals(kind.toLowerCase())).findFirst()
            .map(w -> base + w.line() - 1).orElse(base);
        add(problems, file, line, kind + " inside WITH " + item.getAliasName() + "(...): expected a read-only SELECT "
            + "(a WITH of SELECTs is fine)");
        return true;
      }
    }
    return false;
  }

  /**
   * SELECT INTO and FOR UPDATE/SHARE found by word rather than by the parse tree, so a locking clause in a subquery
   * or after a UNION is caught too; in a SELECT these words mean nothing else outside literals.
   */
  private static void lockingOrInto(SqlTokens tokens, MetricFile file, int base, List<DefinitionProblem> problems) {
    List<SqlTokens.Found> words = tokens.words;
    for (int k = 0; k < words.size(); k++) {
      SqlTokens.Found w = words.get(k);
      if (w.name().equals("into")) {
        add(problems, file, base + w.line() - 1, "SELECT INTO creates a table: expected a read-only SELECT");
        return;
      }
      String clause = w.name().equals("for") ? lockingClause(tokens, k) : null;
      if (clause != null) {
        add(problems, file, base + w.line() - 1, "SELECT ... " + clause + " takes row locks: expected a read-only SELECT");
        return;
      }
    }
  }

  private static String lockingClause(SqlTokens tokens, int forIndex) {
    StringBuilder clause = new StringBuilder("FOR");
    List<SqlTokens.Found> words = tokens.words;
    for (int k = forIndex + 1; k < words.size() && k <= forIndex + 3; k++) {
      if (!tokens.adjacent(words.get(k - 1), words.get(k))) {
        return null;
      }
      String w = words.get(k).name();
      clause.append(' ').append(w.toUpperCase());
      if (w.equals("update") || w.equals("share")) {
        return clause.toString();
      }
      if (!w.equals("no") && !w.equals("key")) {
        return null;
      }
    }
    return null;
  }

  static PlainSelect outermost(Select select) {
    if (select instanceof PlainSelect p) {
      return p;
    }
    if (select instanceof SetOperationList set && !set.getSelects().isEmpty()) {
      return outermost(set.getSelects().get(0));
    }
    if (select instanceof ParenthesedSelect ps) {
      return outermost(ps.getSelect());
    }
    return null;
  }

  /** INSERT, CREATE TABLE, ... from the parser's class name (ParenthesedDelete is a DELETE in a WITH). */
  private static String statementKind(Statement statement) {
    String kind = statement.getClass().getSimpleName().replaceFirst("^Parenthesed", "");
    return kind.isEmpty() ? "non-SELECT" : kind.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toUpperCase();
  }

  private static int errorLine(JSQLParserException e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof ParseException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ParseException pe && pe.currentToken != null) {
      Token t = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
      return Math.max(1, t.beginLine);
    }
    // A lexical error (e.g. an unterminated string) has no token, only "Lexical error at line N, column M".
    for (Throwable c = e; c != null; c = c.getCause()) {
      Matcher m = c.getMessage() == null ? null : LEXICAL_LINE.matcher(c.getMessage());
      if (m != null && m.find()) {
        return Math.max(1, Integer.parseInt(m.group(1)));
      }
    }
    return 1;
  }

  private static String firstLine(JSQLParserException e) {
    String message = e.getMessage() == null ? "parse error" : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      message = cause.getMessage();
    }
    // "net.sf.jsqlparser.parser.ParseException: Encountered ..." reads better without the class name.
    String first = message.lines().findFirst().orElse(message).trim().replaceFirst("^([\\w$]+\\.)+\\w+: ", "");
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }

  private static boolean refused(String name) {
    return REFUSED_CALLS.contains(name) || REFUSED_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static void add(List<DefinitionProblem> problems, MetricFile file, int line, String message) {
    problems.add(new DefinitionProblem(file.path(), line, "value_sql", message));
  }
}
