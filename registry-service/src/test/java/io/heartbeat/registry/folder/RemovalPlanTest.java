package io.heartbeat.registry.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When removals are held, and how the digest pins the exact list an admin confirms. */
class RemovalPlanTest {

  private static final MetricsFolder FOLDER = new MetricsFolder(Path.of("/srv/heartbeat/db/metrics"));

  @ParameterizedTest(name = "{0} of {1} at share {2}: held {3}")
  @CsvSource({
      "0, 8, 0.5, false",
      "1, 8, 0.5, false",
      "4, 8, 0.5, false",   // exactly half is not more than half
      "5, 8, 0.5, true",    // 62 %
      "1, 1, 0.5, true",    // the last metric of a registry of one
      "1, 2, 0.5, false",
      "1, 8, 0.0, true",    // share 0: every removal needs an admin
      "8, 8, 1.0, false"})  // share 1: never held
  void shouldHoldOnlyPastTheShare(int removing, int current, double share, boolean held) {
    assertEquals(held, plan(removing, current, share, "v").exceedsShare());
  }

  @Test
  void shouldChangeTheDigestWhenTheListOrAVersionChanges() {
    String digest = plan(5, 8, 0.5, "v").digest();
    assertEquals(digest, plan(5, 8, 0.5, "v").digest());
    assertNotEquals(digest, plan(4, 8, 0.5, "v").digest());
    assertNotEquals(digest, plan(5, 8, 0.5, "w").digest());
    assertNotEquals(digest, new RemovalPlan(new MetricsFolder(Path.of("/other")), ids(5, "v"), 8, 0.5).digest());
  }

  @Test
  void shouldConfirmOnlyTheDigestItNames() {
    RemovalPlan plan = plan(5, 8, 0.5, "v");
    plan.confirm(plan.digest());
    RemovalRefused changed = assertThrows(RemovalRefused.class, () -> plan.confirm(plan(4, 8, 0.5, "v").digest()));
    assertEquals(plan.digest(), changed.pending().digest());
    RemovalRefused none = assertThrows(RemovalRefused.class, () -> plan(0, 8, 0.5, "v").confirm("x"));
    assertNull(none.pending());
  }

  private static RemovalPlan plan(int removing, int current, double share, String version) {
    return new RemovalPlan(FOLDER, ids(removing, version), current, share);
  }

  private static Map<String, String> ids(int n, String version) {
    Map<String, String> ids = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      ids.put("metric_" + i, version + i);
    }
    return ids;
  }
}
