package io.heartbeat.registry.catalog;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * Every function call in a parsed statement, wherever it sits: select list, WHERE, JOIN, GROUP BY, window clauses,
 * CTEs, LATERAL and scalar subqueries, casts, FROM-clause functions, aggregate FILTER and ORDER BY.
 *
 * <p>It walks the parse tree's fields by reflection rather than through JSqlParser's visitors: a visitor sees only
 * what each of its visit methods chooses to descend into, and a call the walk misses would never reach the catalog.
 * The walk cannot miss one, whatever clause JSqlParser adds next.
 */
public final class FunctionCalls {

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && isParserClass(c); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          // Token chains and parser nodes hold the source text, not the tree: no calls there, and they are long.
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && !f.getType().isEnum()
              && !Node.class.isAssignableFrom(f.getType()) && f.getType() != Token.class && f.getType() != String.class) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private FunctionCalls() {
  }

  /** The calls in {@code statement}, with lines of the file: the statement's line 1 is {@code firstLine}. */
  public static List<FunctionCall> in(Object statement, int firstLine) {
    List<FunctionCall> calls = new ArrayList<>();
    walk(statement, Collections.newSetFromMap(new IdentityHashMap<>()), calls, firstLine);
    return calls;
  }

  private static void walk(Object node, Set<Object> seen, List<FunctionCall> calls, int firstLine) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof Function f && f.getMultipartName() != null) {
      // A FROM-clause function (TableFunction) is a nameless Function wrapping the real one, which the walk reaches.
      List<String> parts = f.getMultipartName();
      calls.add(new FunctionCall(FunctionName.of(parts), parts.size() == 1 && !FunctionName.isQuoted(parts.get(0)),
          firstLine + line(f) - 1));
    } else if (node instanceof AnalyticExpression a && a.getName() != null) {
      String written = a.getName().trim();
      boolean bare = !written.contains("\"") && !written.contains(".") && !written.contains(" ");
      calls.add(new FunctionCall(FunctionName.parse(written), bare, firstLine + line(a) - 1));
    }
    if (node instanceof Collection<?> items) {
      items.forEach(item -> walk(item, seen, calls, firstLine));
    } else if (node instanceof Map<?, ?> map) {
      map.values().forEach(value -> walk(value, seen, calls, firstLine));
    } else if (node instanceof Object[] array) {
      for (Object item : array) {
        walk(item, seen, calls, firstLine);
      }
    } else if (isParserClass(node.getClass()) && !(node instanceof Node) && !(node instanceof Enum<?>)) {
      for (Field f : FIELDS.get(node.getClass())) {
        try {
          walk(f.get(node), seen, calls, firstLine);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + f + " of the parse tree", e);
        }
      }
    }
  }

  /** The call's line in the statement (1-based); 1 when the parser kept no position for it. */
  private static int line(ASTNodeAccess node) {
    SimpleNode ast = node.getASTNode();
    Token first = ast == null ? null : ast.jjtGetFirstToken();
    return first == null ? 1 : Math.max(1, first.beginLine);
  }

  private static boolean isParserClass(Class<?> type) {
    return type.getName().startsWith("net.sf.jsqlparser.");
  }
}
