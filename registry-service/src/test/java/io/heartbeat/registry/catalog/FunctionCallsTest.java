package io.heartbeat.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/** Every call is found wherever the SQL hides it, with the name PostgreSQL would look up and the line it is on. */
class FunctionCallsTest {

  private static final String WINDOW = "where created_at >= :window_start and created_at < :window_end";

  static Stream<Arguments> hidden() {
    return Stream.of(
        // sql, expected name as looked up (schema.name), line in the statement
        Arguments.of("select random() as value from marts.t " + WINDOW, "random", 1),
        Arguments.of("select count(*) as value\nfrom marts.t " + WINDOW + "\nand RaNdOm() > 0.5", "random", 3),
        Arguments.of("with c as (\n  select clock_timestamp() as t from marts.t " + WINDOW + "\n)\n"
            + "select count(*) as value from c", "clock_timestamp", 2),
        Arguments.of("select count(*) as value from marts.t,\nlateral (select nextval('s') as n) l " + WINDOW,
            "nextval", 2),
        Arguments.of("select cast(\n  pg_catalog.random() as numeric) as value from marts.t " + WINDOW,
            "pg_catalog.random", 2),
        Arguments.of("select (timeofday())::numeric as value from marts.t " + WINDOW, "timeofday", 1),
        Arguments.of("select \"pg_catalog\".\"pg_try_advisory_xact_lock\"(1)::int as value from marts.t " + WINDOW,
            "pg_catalog.pg_try_advisory_xact_lock", 1),
        Arguments.of("select \"Random\"() as value from marts.t " + WINDOW, "Random", 1),
        Arguments.of("select sum(x) over (partition by\n  setseed(0.5)) as value from marts.t " + WINDOW, "setseed", 2),
        Arguments.of("select count(*) filter (where gen_random_uuid() is not null) as value from marts.t " + WINDOW,
            "gen_random_uuid", 1),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand x in (select pg_sleep_for('1s'))",
            "pg_sleep_for", 2),
        Arguments.of("select count(*) as value from generate_series(1, txid_current()) g", "txid_current", 1),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\ngroup by x\nhaving max(lo_get(1)) > 0",
            "lo_get", 3),
        Arguments.of("select percentile_cont(0.5) within group (order by\nrandom()) as value from marts.t " + WINDOW,
            "random", 2),
        Arguments.of("select pg_catalog.sum(x) over () as value from marts.t " + WINDOW, "pg_catalog.sum", 1),
        Arguments.of("select heartbeat_marts.public.random() as value", "public.random", 1));
  }

  @ParameterizedTest
  @MethodSource("hidden")
  void shouldFindTheCallWithItsLine(String sql, String expected, int line) throws Exception {
    List<FunctionCall> calls = FunctionCalls.in(CCJSqlParserUtil.parse(sql), 10);
    assertTrue(calls.stream().anyMatch(c -> c.name().shown().equals(expected) && c.line() == 9 + line),
        expected + " on line " + (9 + line) + " not in " + calls);
  }

  @Test
  void shouldFindEveryCallOfAStatementUsingEveryClause() throws Exception {
    String sql = """
        with a as (select coalesce(x, 0) as x from marts.t),
        b as (select "Now"() as n, pg_catalog.date_trunc('hour', now()) as h from a)
        select count(*) filter (where lower(y) = 'a') as value, row_number() over (order by upper(z)) as r
        from b, lateral (select abs(-1) as one) l, unnest(array[1]) u
        where created_at >= :window_start and created_at < :window_end
        group by rollup (x)
        """;
    List<String> names = FunctionCalls.in(CCJSqlParserUtil.parse(sql), 1).stream().map(c -> c.name().shown())
        .sorted().distinct().toList();
    assertEquals(List.of("Now", "abs", "coalesce", "count", "lower", "now", "pg_catalog.date_trunc", "rollup",
        "row_number", "unnest", "upper"), names);
  }
}
