package io.heartbeat.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.heartbeat.registry.model.DefinitionProblem;
import io.heartbeat.registry.parse.MetricFileParser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * value_sql's calls judged against the real marts catalog, as heartbeat_marts_reader sees it: each hostile spelling
 * is refused at the line of the call, each ordinary analytics function passes.
 */
@QuarkusTest
class CallCheckTest {

  private static final String HEADER = """
      -- name: Catalog probe
      -- code: CTLG
      -- period: 5m
      -- direction: higher_is_better
      -- unit: events
      -- how_to_read: Probe of the catalog check.
      """;
  private static final int BODY_LINE = 7;
  private static final String WINDOW = "where created_at >= :window_start and created_at < :window_end";
  private static final String FILE = "db/metrics/catalog_probe.sql";

  @Inject
  FunctionCatalog catalog;

  private final MetricFileParser parser = new MetricFileParser(65536);

  /** A VOLATILE function, and a granted IMMUTABLE one, of the marts owner, as an analytics team would add them. */
  @BeforeAll
  static void createMartsFunctions() throws SQLException {
    try (Connection c = marts()) {
      c.createStatement().execute("create or replace function public.hb_catalog_sample() returns double precision "
          + "language sql volatile as 'select 0.5::double precision'");
      c.createStatement().execute("grant execute on function public.hb_catalog_sample() to heartbeat_marts_reader");
      c.createStatement().execute("create or replace function marts.hb_catalog_week(t timestamptz) returns int "
          + "language sql immutable as 'select extract(week from t at time zone ''UTC'')::int'");
      c.createStatement().execute("grant execute on function marts.hb_catalog_week(timestamptz) to heartbeat_marts_reader");
    }
  }

  @AfterAll
  static void dropMartsFunctions() throws SQLException {
    try (Connection c = marts()) {
      c.createStatement().execute("drop function if exists public.hb_catalog_sample()");
      c.createStatement().execute("drop function if exists marts.hb_catalog_week(timestamptz)");
    }
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // value_sql, line of the call in value_sql, what the problem says
        Arguments.of("select random() as value from marts.t " + WINDOW, 1, "call to random(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand RaNdOm() < 0.5", 2,
            "call to random(): VOLATILE"),
        Arguments.of("select pg_catalog.random() as value from marts.t " + WINDOW, 1, "pg_catalog.random(): VOLATILE"),
        Arguments.of("select \"pg_catalog\".\"random\"() as value from marts.t " + WINDOW, 1,
            "pg_catalog.random(): VOLATILE"),
        Arguments.of("with c as (\n  select clock_timestamp() as t from marts.t " + WINDOW + "\n)\n"
            + "select count(*) as value from c", 2, "clock_timestamp(): VOLATILE"),
        Arguments.of("select count(*) as value\nfrom marts.t, lateral (select nextval('s') as n) l " + WINDOW, 2,
            "nextval(): VOLATILE"),
        Arguments.of("select cast(\ntimeofday() as numeric) as value from marts.t " + WINDOW, 2, "timeofday(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + " and (gen_random_uuid())::text > 'a'", 1,
            "gen_random_uuid(): VOLATILE"),
        Arguments.of("select sum(1) over (partition by setseed(0.5)) as value from marts.t " + WINDOW, 1,
            "setseed(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand pg_try_advisory_xact_lock(1)", 2,
            "pg_try_advisory_xact_lock(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand \"pg_try_advisory_lock_shared\"(1)", 2,
            "pg_try_advisory_lock_shared(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand PG_CATALOG.PG_ADVISORY_UNLOCK_ALL() "
            + "is null", 2, "pg_catalog.pg_advisory_unlock_all(): VOLATILE"),
        Arguments.of("select count(*) as value from generate_series(1, (random() * 10)::int) g", 1,
            "random(): VOLATILE"),
        Arguments.of("select percentile_cont(0.5) within group (order by random()) as value from marts.t " + WINDOW, 1,
            "random(): VOLATILE"),
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand pg_current_wal_lsn() is not null", 2,
            "pg_current_wal_lsn(): VOLATILE"),
        Arguments.of("select count(*) filter (where hb_catalog_sample() > 0.1) as value from marts.t " + WINDOW, 1,
            "hb_catalog_sample(): VOLATILE in the marts database (hb_catalog_sample())"),
        Arguments.of("select public.hb_catalog_sample() as value from marts.t " + WINDOW, 1,
            "public.hb_catalog_sample(): VOLATILE"),
        // ts_rewrite(tsquery, tsquery, tsquery) is IMMUTABLE, but ts_rewrite(tsquery, text) runs a query: one VOLATILE
        // overload is enough, since which one PostgreSQL picks depends on argument types the check cannot know.
        Arguments.of("select count(*) as value from marts.t " + WINDOW + "\nand ts_rewrite('a'::tsquery, 'b'::tsquery, "
            + "'c'::tsquery) is not null", 2, "ts_rewrite(): VOLATILE in the marts database (ts_rewrite(tsquery,text))"),
        Arguments.of("select \"Random\"() as value from marts.t " + WINDOW, 1, "call to Random(): no such function on "
            + "the search path pg_catalog, public"),
        Arguments.of("select heartbeat_no_such_function(1) as value from marts.t " + WINDOW, 1,
            "call to heartbeat_no_such_function(): no such function"),
        Arguments.of("select marts.random() as value from marts.t " + WINDOW, 1,
            "call to marts.random(): no such function in schema marts"),
        Arguments.of("select \"coalesce\"(x, 0) as value from marts.t " + WINDOW, 1, "call to coalesce(): no such function"),
        Arguments.of("select marts.base_rate('web_messenger') as value from marts.t " + WINDOW, 1,
            "heartbeat_marts_reader may not EXECUTE it (marts.base_rate(text))"),
        // IMMUTABLE, but an amplifier (half a gigabyte from one call): db/marts/reader.sql revokes it from the reader,
        // and the check agrees with the database.
        Arguments.of("select length(repeat('x', 500000000)) as value from marts.t " + WINDOW, 1,
            "call to repeat(): heartbeat_marts_reader may not EXECUTE it (repeat(text,integer))"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void shouldRefuseAtTheLineOfTheCall(String sql, int line, String message) {
    List<DefinitionProblem> problems = judge(sql);
    assertTrue(problems.stream().anyMatch(p -> p.file().equals(FILE) && p.line() == BODY_LINE + line - 1
        && p.field().equals("value_sql") && p.message().contains(message)),
        "expected " + FILE + ":" + (BODY_LINE + line - 1) + ": value_sql " + message + " in " + problems);
  }

  static Stream<String> accepted() {
    return Stream.of(
        "select count(*) as value from marts.t where created_at >= :window_start and created_at < now()",
        "select count(*) as value from marts.t " + WINDOW + " and created_at < statement_timestamp()",
        "select sum(x) / nullif(count(*), 0) as value, greatest(1, 2), least(1, 2), coalesce(y, 0) from marts.t " + WINDOW,
        "select region as dimension, count(*) as value from marts.t " + WINDOW + " group by rollup (region)",
        "select grouping(region) as g, count(*) as value from marts.t " + WINDOW + " group by cube (region)",
        "select extract(epoch from now() - max(created_at)) as value from marts.t " + WINDOW,
        "select count(*) as value from marts.t " + WINDOW + " and date_trunc('hour', created_at) = "
            + "pg_catalog.date_trunc('hour', current_timestamp(3))",
        "select percentile_cont(0.5) within group (order by x) as value from marts.t " + WINDOW,
        "select max(rn) as value from (select row_number() over (order by created_at) rn from marts.t " + WINDOW + ") s",
        "select count(*) as value from generate_series(:window_start::timestamptz, :window_end::timestamptz, "
            + "interval '1 minute') g",
        "select count(distinct marts.hb_catalog_week(created_at)) as value from marts.t " + WINDOW,
        "select length(to_char(now(), 'YYYY')) as value, string_agg(x, ',' order by x) from marts.t " + WINDOW,
        "select count(*) as value from marts.t " + WINDOW + " and x = any (array(select abs(-1)))",
        "select count(*) as value from marts.t " + WINDOW + " and x > all (array[1, 2]) and y = some (array[3])",
        "select count(*) as value from marts.t " + WINDOW + " and exists (select 1 from marts.u where u.id = t.id)");
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void shouldAcceptImmutableAndStableCalls(String sql) {
    assertEquals(List.of(), judge(sql));
  }

  @Test
  void shouldAnswerEveryNameInOneLookUp() {
    MetricFileParser.Parsed a = parse("select random() as value, now() from marts.t " + WINDOW);
    MetricFileParser.Parsed b = parse("select abs(1) as value, \"Now\"() from marts.t " + WINDOW);
    var names = new java.util.LinkedHashSet<FunctionName>();
    names.addAll(CallCheck.toLookUp(a.calls()));
    names.addAll(CallCheck.toLookUp(b.calls()));
    Catalog answer = catalog.lookUp(names).await().atMost(Duration.ofSeconds(30));
    assertEquals("heartbeat_marts_reader", answer.role());
    assertTrue(answer.overloads(new FunctionName(null, "random")).stream().allMatch(Catalog.Overload::isVolatile));
    assertTrue(answer.overloads(new FunctionName(null, "now")).stream().noneMatch(Catalog.Overload::isVolatile));
    assertEquals(List.of(), answer.overloads(new FunctionName(null, "Now")));
  }

  private List<DefinitionProblem> judge(String sql) {
    MetricFileParser.Parsed parsed = parse(sql);
    Catalog answer = catalog.lookUp(CallCheck.toLookUp(parsed.calls())).await().atMost(Duration.ofSeconds(30));
    return CallCheck.problems(FILE, parsed.calls(), answer);
  }

  private MetricFileParser.Parsed parse(String sql) {
    MetricFileParser.Parsed parsed = parser.parseWithCalls(FILE, (HEADER + sql + "\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(!parsed.calls().isEmpty(), "no calls found in " + sql + ": " + parsed.metric().problems());
    return parsed;
  }

  private static Connection marts() throws SQLException {
    String reactive = ConfigProvider.getConfig().getValue("quarkus.datasource.\"marts\".reactive.url", String.class);
    return DriverManager.getConnection("jdbc:" + reactive, "postgres", "");
  }
}
