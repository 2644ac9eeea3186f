package io.heartbeat.alert.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clipping to a vendor's limit: marked, never longer than the limit, never half a character. */
class ClipTest {

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource(delimiter = '|', value = {
      "abcdef   | 6 | abcdef",
      "abcdef   | 7 | abcdef",
      "abcdefg  | 6 | abcde…",
      "abcdefg  | 1 | …",
      "ab🔥cd   | 4 | ab…",
      "ab🔥cd   | 5 | ab🔥…",
      "🔥🔥🔥   | 4 | 🔥…",
  })
  void shouldClipToTheLimit(String text, int max, String expected) {
    String clipped = Clip.to(text, max);

    assertEquals(expected, clipped);
    assertTrue(clipped.length() <= max, "at most " + max + " units: " + clipped);
  }

  @Test
  void shouldPassNullThroughAndRefuseAnEmptyLimit() {
    assertNull(Clip.to(null, 3));
    assertThrows(IllegalArgumentException.class, () -> Clip.to("abc", 0));
  }
}
