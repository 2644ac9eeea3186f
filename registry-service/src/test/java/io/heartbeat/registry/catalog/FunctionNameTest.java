package io.heartbeat.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names resolve as PostgreSQL folds them: unquoted to lower case, quoted exactly, cut to 63 bytes. */
class FunctionNameTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RANDOM                       | random",
      "Pg_Sleep                     | pg_sleep",
      "\"PG_SLEEP\"                 | PG_SLEEP",
      "\"pg_sleep\"                 | pg_sleep",
      "pg_catalog,RANDOM            | pg_catalog.random",
      "\"pg_catalog\",\"random\"    | pg_catalog.random",
      "\"Marts\",fn                 | Marts.fn",
      "db,pg_catalog,nextval        | pg_catalog.nextval",
      "\"x\"\"y\"                   | x\"y",
      "a,b,c,d                      | a.b.c.d.d"})
  void shouldResolveLikePostgres(String parts, String expected) {
    assertEquals(expected, FunctionName.of(Arrays.asList(parts.split(","))).shown());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pg_catalog sum        | pg_catalog.sum",
      "pg_catalog.sum        | pg_catalog.sum",
      "\"Sum\"               | Sum",
      "\"my schema\".\"f\"   | my schema.f"})
  void shouldSplitTheNamesOfWindowCalls(String written, String expected) {
    assertEquals(expected, FunctionName.parse(written).shown());
  }

  @org.junit.jupiter.api.Test
  void shouldCutNamesAt63Bytes() {
    String longName = "f".repeat(70);
    assertEquals("f".repeat(63), FunctionName.of(List.of(longName)).name());
  }
}
