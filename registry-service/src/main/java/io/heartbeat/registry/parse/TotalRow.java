package io.heartbeat.registry.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Finds, in the parse tree, whether a value_sql with a dimension also returns the metric's total: the row whose
 * dimension is null (a ratio's total is not the sum of its parts, so nobody downstream can add it up). It refuses only
 * what it can see is missing, a GROUP BY without the empty grouping set, and lets pass what it cannot follow.
 */
final class TotalRow {

  /** A grouping without the total: its line in value_sql and what would add the total. */
  record Missing(int line, String fix) {

    String message() {
      return "the SELECT returns a 'dimension' column but not the metric total (the row whose dimension is null): "
          + "expected " + fix;
    }
  }

  private enum Verdict { PRESENT, ABSENT, UNKNOWN }

  /** Bounds the walk through nested subqueries and WITH items (a recursive WITH names itself). */
  private static final int MAX_DEPTH = 8;
  private final Map<String, Select> withItems = new HashMap<>();
  private Missing firstMissing;

  private TotalRow() {
  }

  /** The grouping that leaves the total out, or null when the total is there or cannot be told from the SQL. */
  static Missing missing(Select select, int dimensionIndex) {
    TotalRow walk = new TotalRow();
    return walk.select(select, dimensionIndex, 0) == Verdict.ABSENT ? walk.firstMissing : null;
  }

  private Verdict select(Select s, int index, int depth) {
    if (depth > MAX_DEPTH) {
      return Verdict.UNKNOWN;
    }
    if (s.getWithItemsList() != null) {
      for (WithItem<?> item : s.getWithItemsList()) {
        if (item.getSelect() != null) {
          withItems.putIfAbsent(unquoted(item.getAliasName()), item.getSelect());
        }
      }
    }
    if (s instanceof ParenthesedSelect p) {
      return select(p.getSelect(), index, depth + 1);
    }
    if (s instanceof SetOperationList set) {
      // UNION branches line up by position: the dimension is the same column of each; one total branch will do.
      List<Verdict> branches = new ArrayList<>();
      for (Select branch : set.getSelects()) {
        branches.add(select(branch, index, depth + 1));
      }
      Verdict verdict = any(branches);
      if (verdict == Verdict.ABSENT && firstMissing != null) {
        // A ROLLUP in one branch would total that branch alone: the union's total needs a branch of its own.
        firstMissing = new Missing(firstMissing.line(), "a UNION ALL branch that selects null as dimension and the "
            + "value over all the rows, e.g. 'union all select null, ...' without a GROUP BY");
      }
      return verdict;
    }
    return s instanceof PlainSelect p ? plain(p, index, depth) : Verdict.UNKNOWN;
  }

  private Verdict plain(PlainSelect p, int index, int depth) {
    List<SelectItem<?>> items = p.getSelectItems();
    Expression dimension = index >= 0 && index < items.size() ? items.get(index).getExpression() : null;
    if (isNull(dimension)) {
      return Verdict.PRESENT;
    }
    // The rows come from the FROM items: a total the subquery or WITH item already has survives a pass-through and a
    // plain GROUP BY on the dimension (NULL forms its own group).
    Verdict source = dimension instanceof Column column ? fromSources(p, column, depth) : Verdict.UNKNOWN;
    GroupByElement groupBy = p.getGroupBy();
    if (groupBy == null) {
      return source;
    }
    if (hasEmptySet(groupBy) || source == Verdict.PRESENT) {
      return Verdict.PRESENT;
    }
    if (firstMissing == null) {
      firstMissing = new Missing(line(p), "GROUP BY ROLLUP, CUBE or GROUPING SETS with (), e.g. '" + fix(p)
          + "', or a UNION ALL branch that selects null as dimension");
    }
    return Verdict.ABSENT;
  }

  /** What the subqueries and WITH items the dimension's column comes from say; UNKNOWN for a plain table. */
  private Verdict fromSources(PlainSelect p, Column column, int depth) {
    String qualifier = column.getTable() == null || column.getTable().getName() == null ? null
        : unquoted(column.getTable().getName());
    List<Verdict> sources = new ArrayList<>();
    for (FromItem item : fromItems(p)) {
      Select source = source(item);
      if (source == null || qualifier != null && !qualifier.equals(nameOf(item))) {
        continue;
      }
      int inner = indexOf(ValueSqlCheck.outermost(source), unquoted(column.getColumnName()));
      if (inner >= 0) {
        sources.add(select(source, inner, depth + 1));
      }
    }
    return any(sources);
  }

  private static Verdict any(List<Verdict> verdicts) {
    if (verdicts.contains(Verdict.PRESENT)) {
      return Verdict.PRESENT;
    }
    return verdicts.contains(Verdict.UNKNOWN) || verdicts.isEmpty() ? Verdict.UNKNOWN : Verdict.ABSENT;
  }

  /**
   * The grouping sets of a GROUP BY are the cross product of its elements, so the empty set (the total) is among them
   * only when every element can be empty: ROLLUP and CUBE always can, GROUPING SETS when it lists (). A plain column
   * never can, which is why 'group by region, rollup (platform)' has subtotals per region but no total.
   */
  private static boolean hasEmptySet(GroupByElement g) {
    ExpressionList<?> elements = g.getGroupByExpressionList();
    List<? extends ExpressionList<?>> sets = g.getGroupingSets();
    boolean plainEmpty = elements == null || elements.stream().allMatch(TotalRow::canBeEmpty);
    boolean setsEmpty = sets == null || sets.isEmpty()
        || sets.stream().anyMatch(set -> set.isEmpty() || set.size() == 1 && canBeEmpty(set.get(0)));
    return plainEmpty && setsEmpty;
  }

  private static boolean canBeEmpty(Expression e) {
    if (e instanceof Function f && f.getName() != null) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      return name.equals("rollup") || name.equals("cube");
    }
    return e instanceof ExpressionList<?> list && list.isEmpty();
  }

  private static boolean isNull(Expression e) {
    if (e instanceof CastExpression cast) {
      return isNull(cast.getLeftExpression());
    }
    if (e instanceof ExpressionList<?> list && list.size() == 1) {
      return isNull(list.get(0));
    }
    return e instanceof NullValue;
  }

  /** 'group by rollup (customer_id)' for 'group by customer_id': the owner's own columns, ordinals resolved. */
  private static String fix(PlainSelect p) {
    GroupByElement g = p.getGroupBy();
    ExpressionList<?> elements = g.getGroupByExpressionList();
    if (elements == null || elements.isEmpty()) {
      List<String> sets = new ArrayList<>(g.getGroupingSets().stream().map(Object::toString).toList());
      sets.add("()");
      return "group by grouping sets (" + String.join(", ", sets) + ")";
    }
    List<String> plain = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Expression e : elements) {
      if (canBeEmpty(e)) {
        others.add(e.toString());
      } else {
        plain.add(inputExpression(p, e));
      }
    }
    String rollup = plain.size() == 1 ? "rollup (" + plain.get(0) + ")" : "rollup ((" + String.join(", ", plain) + "))";
    others.add(0, rollup);
    return "group by " + String.join(", ", others);
  }

  /** Inside ROLLUP an ordinal is a constant and an output alias is not visible: name the selected expression. */
  private static String inputExpression(PlainSelect p, Expression e) {
    List<SelectItem<?>> items = p.getSelectItems();
    if (e instanceof LongValue ordinal && ordinal.getValue() >= 1 && ordinal.getValue() <= items.size()) {
      return items.get((int) ordinal.getValue() - 1).getExpression().toString();
    }
    if (e instanceof Column c && c.getTable() == null) {
      String name = unquoted(c.getColumnName());
      for (SelectItem<?> item : items) {
        boolean aliased = item.getAlias() != null && unquoted(item.getAlias().getName()).equals(name);
        if (aliased && !(item.getExpression() instanceof Column same && unquoted(same.getColumnName()).equals(name))) {
          return item.getExpression().toString();
        }
      }
    }
    return e.toString();
  }

  /** The GROUP BY's line: its first column's, else the select's last line, where a GROUP BY usually ends it. */
  private static int line(PlainSelect p) {
    ExpressionList<?> elements = p.getGroupBy().getGroupByExpressionList();
    if (elements != null) {
      for (Expression e : elements) {
        if (e instanceof Column c && c.getASTNode() != null) {
          return c.getASTNode().jjtGetFirstToken().beginLine;
        }
      }
    }
    return p.getASTNode() == null ? 1 : p.getASTNode().jjtGetLastToken().endLine;
  }

  private static List<FromItem> fromItems(PlainSelect p) {
    List<FromItem> items = new ArrayList<>();
    if (p.getFromItem() != null) {
      items.add(p.getFromItem());
    }
    if (p.getJoins() != null) {
      for (Join join : p.getJoins()) {
        items.add(join.getRightItem());
      }
    }
    return items;
  }

  private Select source(FromItem item) {
    if (item instanceof ParenthesedSelect p) {
      return p;
    }
    if (item instanceof Table t && t.getSchemaName() == null) {
      return withItems.get(unquoted(t.getName()));
    }
    return null;
  }

  /** The name a column qualifier refers to: the alias, else the table's own name. */
  private static String nameOf(FromItem item) {
    if (item.getAlias() != null) {
      return unquoted(item.getAlias().getName());
    }
    return item instanceof Table t ? unquoted(t.getName()) : null;
  }

  private static int indexOf(PlainSelect p, String name) {
    if (p == null) {
      return -1;
    }
    List<SelectItem<?>> items = p.getSelectItems();
    for (int k = 0; k < items.size(); k++) {
      SelectItem<?> item = items.get(k);
      String itemName = item.getAlias() != null ? item.getAlias().getName()
          : item.getExpression() instanceof Column c ? c.getColumnName() : null;
      if (itemName != null && unquoted(itemName).equals(name)) {
        return k;
      }
    }
    return -1;
  }

  private static String unquoted(String name) {
    return name == null ? null : name.replace("\"", "").toLowerCase(Locale.ROOT);
  }
}
