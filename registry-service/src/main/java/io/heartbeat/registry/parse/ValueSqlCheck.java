package io.heartbeat.registry.parse;

import java.util.List;
import java.util.Set;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.schema.Column;

import io.heartbeat.registry.model.DefinitionProblem;

/**
 * Early, clear checks of a metric's value_sql: one read-only SELECT returning `value` (and `dimension` when the
 * header declares one), taking only the window bounds. The database's read-only role still enforces it at run time.
 */
public final class ValueSqlCheck {

  public static final Set<String> PARAMETERS = Set.of("window_start", "window_end");
  /** Functions that write, sleep, read files or change settings: refused even though the role could not use most. */
  static final Set<String> REFUSED_CALLS = Set.of("pg_sleep", "pg_sleep_for", "pg_sleep_until", "set_config",
      "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export", "dblink",
      "dblink_exec", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_advisory_lock",
      "pg_advisory_xact_lock", "nextval", "setval", "txid_current", "pg_notify", "query_to_xml", "copy");

  private ValueSqlCheck() {
  }

  public static void check(MetricFile file, boolean expectsDimension, List<DefinitionProblem> problems) {
    String sql = file.body();
    if (sql.isEmpty()) {
      return;
    }
    int base = file.bodyStartLine();
    SqlTokens tokens = SqlTokens.scan(sql);
    for (SqlTokens.Found call : tokens.calls) {
      if (REFUSED_CALLS.contains(call.name())) {
        add(problems, file, base + call.line() - 1, "call to " + call.name() + "(): expected a read-only SELECT without "
            + "side effects, sleeps or setting changes");
      }
    }
    for (SqlTokens.Found p : tokens.parameters) {
      if (!PARAMETERS.contains(p.name())) {
        add(problems, file, base + p.line() - 1, "parameter :" + p.name() + ": expected only :window_start and :window_end");
      }
    }
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException e) {
      add(problems, file, base + errorLine(e) - 1, "SQL does not parse: " + firstLine(e) + ": expected one SELECT");
      return;
    }
    List<Statement> list = statements.stream().filter(s -> s != null).toList();
    if (list.size() != 1) {
      add(problems, file, base, list.size() + " statements: expected exactly one SELECT");
      return;
    }
    Statement statement = list.get(0);
    if (!(statement instanceof Select select)) {
      add(problems, file, base, statementKind(statement) + " statement: expected a read-only SELECT (a WITH is fine)");
      return;
    }
    PlainSelect plain = outermost(select);
    if (plain == null) {
      return;
    }
    if (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
      add(problems, file, base, "SELECT INTO creates a table: expected a read-only SELECT");
    }
    if (plain.getForMode() != null) {
      add(problems, file, base, "SELECT ... FOR " + plain.getForMode() + " takes locks: expected a read-only SELECT");
    }
    boolean hasValue = false;
    boolean hasDimension = false;
    for (SelectItem<?> item : plain.getSelectItems()) {
      String name = item.getAlias() != null ? item.getAlias().getName()
          : item.getExpression() instanceof Column c ? c.getColumnName() : null;
      if (name != null) {
        name = name.replace("\"", "").toLowerCase();
        hasValue |= name.equals("value");
        hasDimension |= name.equals("dimension");
      }
    }
    if (!hasValue) {
      add(problems, file, base, "no column named value: expected the SELECT to return a numeric 'value' column");
    }
    if (expectsDimension && !hasDimension) {
      add(problems, file, base, "header declares a dimension but the SELECT returns no 'dimension' column");
    } else if (!expectsDimension && hasDimension) {
      MetricFile.HeaderLine line = file.line("dimension");
      problems.add(new DefinitionProblem(file.path(), line == null ? base : line.line(), "dimension",
          "the SELECT returns a 'dimension' column: expected a header line '-- dimension: customer|region|platform'"));
    }
    if (tokens.parameters.stream().noneMatch(p -> p.name().equals("window_start"))
        || tokens.parameters.stream().noneMatch(p -> p.name().equals("window_end"))) {
      add(problems, file, base, "the SELECT must filter by both :window_start and :window_end");
    }
  }

  private static PlainSelect outermost(Select select) {
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

  private static String statementKind(Statement statement) {
    String kind = statement.getClass().getSimpleName().toUpperCase();
    return kind.isEmpty() ? "non-SELECT" : kind;
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
    return 1;
  }

  private static String firstLine(JSQLParserException e) {
    String message = e.getMessage() == null ? "parse error" : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      message = cause.getMessage();
    }
    String first = message.lines().findFirst().orElse(message).trim();
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }

  private static void add(List<DefinitionProblem> problems, MetricFile file, int line, String message) {
    problems.add(new DefinitionProblem(file.path(), line, "value_sql", message));
  }
}
