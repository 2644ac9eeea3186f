package io.heartbeat.registry.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.heartbeat.registry.model.DefinitionProblem;

/**
 * Judges a metric's calls against the marts catalog: a name passes only when every function of that name visible to
 * the reader is IMMUTABLE or STABLE (aggregates and window functions by their provolatile too), the reader may
 * execute it, and it is a function rather than a procedure. VOLATILE functions (random, clock_timestamp, nextval,
 * advisory locks, ...) would make a window's value depend on when or how often it ran, or have side effects.
 */
public final class CallCheck {

  /**
   * The allow-list: words JSqlParser reads as calls but PostgreSQL parses as SQL syntax, so pg_proc has no entry for
   * them. Only when written bare (unquoted, unqualified): "coalesce"(x) or pg_catalog.coalesce(x) are real lookups
   * and fail in PostgreSQL too. No VOLATILE function is on it. docs/metric-files.md lists it with the reasons.
   */
  static final Set<String> SQL_SYNTAX = Set.of(
      "coalesce", "nullif", "greatest", "least",                          // conditional expressions
      "grouping", "rollup", "cube",                                       // GROUP BY ROLLUP/CUBE and GROUPING()
      "row", "array",                                                     // ROW(...) and ARRAY(subquery) constructors
      "any", "some", "all",                                               // x = ANY (array): reserved words, never calls
      "current_time", "current_timestamp", "localtime", "localtimestamp"); // SQL value functions with a precision, STABLE

  private static final int SIGNATURES_SHOWN = 3;

  private CallCheck() {
  }

  /** The names the catalog must answer for; syntax words are not functions and are never looked up. */
  public static Set<FunctionName> toLookUp(List<FunctionCall> calls) {
    return calls.stream().filter(c -> !isSyntax(c)).map(FunctionCall::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** One value_sql problem per refused name and line, in the order the calls were found. */
  public static List<DefinitionProblem> problems(String file, List<FunctionCall> calls, Catalog catalog) {
    List<DefinitionProblem> problems = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    for (FunctionCall call : calls) {
      if (isSyntax(call)) {
        continue;
      }
      String refusal = refusal(call.name(), catalog);
      if (refusal != null && reported.add(call.name() + "@" + call.line())) {
        problems.add(new DefinitionProblem(file, call.line(), "value_sql", "call to " + call.name().shown() + "(): "
            + refusal));
      }
    }
    return problems;
  }

  private static String refusal(FunctionName name, Catalog catalog) {
    List<Catalog.Overload> overloads = catalog.overloads(name);
    if (overloads.isEmpty()) {
      String where = name.schema() == null ? "on the search path " + catalog.searchPath() : "in schema " + name.schema();
      return "no such function " + where + " of the marts database: expected a function " + catalog.role()
          + " can call (names in double quotes keep their case)";
    }
    List<String> volatileOnes = overloads.stream().filter(Catalog.Overload::isVolatile)
        .map(Catalog.Overload::signature).toList();
    if (!volatileOnes.isEmpty()) {
      return "VOLATILE in the marts database (" + shown(volatileOnes) + "): expected only IMMUTABLE or STABLE "
          + "functions, so a window's value depends on its rows, not on when or how often it is computed";
    }
    List<String> procedures = overloads.stream().filter(o -> o.kind() == 'p').map(Catalog.Overload::signature).toList();
    if (!procedures.isEmpty()) {
      return "a procedure (" + shown(procedures) + "): expected a function";
    }
    if (overloads.stream().noneMatch(Catalog.Overload::executable)) {
      return catalog.role() + " may not EXECUTE it (" + shown(overloads.stream().map(Catalog.Overload::signature)
          .toList()) + "): expected a function the marts reader is granted";
    }
    return null;
  }

  private static boolean isSyntax(FunctionCall call) {
    return call.bare() && SQL_SYNTAX.contains(call.name().name());
  }

  private static String shown(List<String> signatures) {
    String listed = String.join(", ", signatures.subList(0, Math.min(SIGNATURES_SHOWN, signatures.size())));
    return signatures.size() > SIGNATURES_SHOWN ? listed + " and " + (signatures.size() - SIGNATURES_SHOWN) + " more"
        : listed;
  }
}
