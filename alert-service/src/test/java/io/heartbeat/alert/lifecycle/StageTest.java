package io.heartbeat.alert.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The enum is docs/lifecycle.md's table "What each stage does", row for row: the doc cannot drift from the code. */
class StageTest {

  private static final List<String> COLUMNS = List.of("computed", "judged", "opens episodes", "notifies channels",
      "pages a human", "may trigger rollback", "counts SLA downtime");

  @Test
  void shouldMatchTheTableInTheLifecycleDocument() throws IOException {
    Map<String, List<Boolean>> documented = table();

    assertEquals(Arrays.stream(Stage.values()).map(Stage::wire).toList(), List.copyOf(documented.keySet()),
        "one row per stage, in lifecycle order");
    for (Stage stage : Stage.values()) {
      assertEquals(documented.get(stage.wire()), List.of(stage.computed(), stage.judged(), stage.opensEpisodes(),
          stage.notifiesChannels(), stage.pagesHuman(), stage.mayRollBack(), stage.countsDowntime()), stage.wire());
    }
  }

  @Test
  void shouldKeepTheRulesThatHoldAcrossColumns() {
    for (Stage stage : Stage.values()) {
      // Each column is a step further along the same path: nothing pages, rolls back or counts unless it opens
      // episodes, nothing opens episodes unless it is judged, nothing is judged unless it is computed.
      assertTrue(!stage.judged() || stage.computed(), stage.wire());
      assertTrue(!stage.opensEpisodes() || stage.judged(), stage.wire());
      assertEquals(stage.opensEpisodes(), stage.notifiesChannels(), stage.wire());
      assertTrue(!stage.pagesHuman() || stage.mayRollBack(), stage.wire());
      assertTrue(!stage.mayRollBack() || stage.opensEpisodes(), stage.wire());
      assertTrue(!stage.countsDowntime() || stage.opensEpisodes(), stage.wire());
    }
    assertEquals(List.of(Stage.PAGING), Arrays.stream(Stage.values()).filter(Stage::pagesHuman).toList());
    assertEquals(List.of(Stage.VERIFIED, Stage.PAGING),
        Arrays.stream(Stage.values()).filter(Stage::mayRollBack).toList());
  }

  @Test
  void shouldReadWireValuesAndRefuseUnknownOnes() {
    assertEquals(Stage.UNVERIFIED, Stage.fromWire("unverified"));
    assertFalse(Stage.known("Unverified"));
    assertFalse(Stage.known(null));
    assertEquals("unknown lifecycle stage live", assertThrows(IllegalArgumentException.class,
        () -> Stage.fromWire("live")).getMessage());
    assertEquals(List.of("drafted", "backfilled", "provisional", "unverified", "owned", "verified", "paging",
        "deprecated"), Stage.judgedWires());
  }

  // Tests run in the module directory; the document lives in the repository's docs.
  private static Map<String, List<Boolean>> table() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../docs/lifecycle.md"));
    int heading = lines.indexOf("## What each stage does");
    assertTrue(heading >= 0, "docs/lifecycle.md has the section What each stage does");
    int header = heading + 1;
    while (!lines.get(header).startsWith("| stage |")) {
      header++;
    }
    assertEquals(COLUMNS, cells(lines.get(header)).subList(1, COLUMNS.size() + 1), "the columns of the table");
    Map<String, List<Boolean>> rows = new LinkedHashMap<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      List<Boolean> values = new ArrayList<>();
      for (String cell : cells.subList(1, cells.size())) {
        assertTrue(cell.equals("yes") || cell.equals("no"), "yes or no, not " + cell + " in " + lines.get(i));
        values.add(cell.equals("yes"));
      }
      rows.put(cells.get(0).replace("`", ""), values);
    }
    return rows;
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1, row.lastIndexOf('|'));
    return Arrays.stream(inner.split("\\|")).map(String::trim).toList();
  }
}
