package io.heartbeat.compute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Named window parameters become bind parameters, and nothing else is touched. */
class NamedParametersTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("select 1 where t >= :window_start and t < :window_end",
            "select 1 where t >= $1::timestamptz and t < $2::timestamptz"),
        Arguments.of("select 1 where t < :window_end and t >= :window_start",
            "select 1 where t < $1::timestamptz and t >= $2::timestamptz"),
        Arguments.of("select 1 as value", "select 1 as value"),
        Arguments.of("select :window_start, :window_start", "select $1::timestamptz, $1::timestamptz"),
        Arguments.of("select t::date, x::window_start from y", "select t::date, x::window_start from y"),
        Arguments.of("select ':window_start' || 'it''s :window_end'", "select ':window_start' || 'it''s :window_end'"),
        Arguments.of("select E'\\' :window_end' as v", "select E'\\' :window_end' as v"),
        Arguments.of("select \":window_start\" from t", "select \":window_start\" from t"),
        Arguments.of("select 1 -- :window_start\n, :window_end", "select 1 -- :window_start\n, $1::timestamptz"),
        Arguments.of("select /* a /* :window_start */ b */ :window_end", "select /* a /* :window_start */ b */ $1::timestamptz"),
        Arguments.of("select $q$ :window_start $q$, :window_end", "select $q$ :window_start $q$, $1::timestamptz"),
        Arguments.of("select $$:window_start$$", "select $$:window_start$$"),
        Arguments.of("select arr[1:2], :window_end", "select arr[1:2], $1::timestamptz"),
        Arguments.of("select (:window_end)::date", "select ($1::timestamptz)::date"),
        Arguments.of("select :window_end::date", "select $1::timestamptz::date"),
        Arguments.of("select e$1, :window_start", "select e$1, $1::timestamptz"),
        // The query runs inside the statement bounding its result: a trailing semicolon would end that one early.
        Arguments.of("select :window_end as value;\n", "select $1::timestamptz as value \n"),
        Arguments.of("select ';' as value; -- done", "select ';' as value  -- done"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void shouldBindOnlyRealParameters(String sql, String expected) {
    assertEquals(expected, NamedParameters.toPositional(sql).sql());
  }

  static Stream<Arguments> substitutions() {
    return Stream.of(
        Arguments.of("select 1 where t >= :window_start and t < :window_end",
            "select 1 where t >= (w.s) and t < (w.s + p)"),
        Arguments.of("select 1 where t >= :window_start;", "select 1 where t >= (w.s) "),
        Arguments.of("select 1 where t >= :window_start ;  -- done\n", "select 1 where t >= (w.s)    -- done\n"),
        Arguments.of("select ';' as x, :window_end::date", "select ';' as x, (w.s + p)::date"),
        Arguments.of("select 1; select 2", "select 1; select 2"),
        Arguments.of("select ':window_start' -- :window_end", "select ':window_start' -- :window_end"));
  }

  @ParameterizedTest
  @MethodSource("substitutions")
  void shouldSubstituteExpressionsAndDropTrailingSemicolon(String sql, String expected) {
    assertEquals(expected, NamedParameters.substitute(sql, "w.s", "w.s + p"));
  }

  @Test
  void shouldNameBindOrderByFirstUse() {
    assertEquals(List.of("window_end", "window_start"),
        NamedParameters.toPositional("select :window_end, :window_start, :window_end").names());
    assertEquals(List.of(), NamedParameters.toPositional("select 1 as value").names());
  }

  @Test
  void shouldRefuseUnknownParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NamedParameters.toPositional("select 1 where t > :since"));
    assertEquals("unknown named parameter :since (value_sql may use :window_start and :window_end)", e.getMessage());
  }
}
