package io.heartbeat.alert.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.alert.judge.Status;

class EpisodeTrackerTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /**
   * Each row: the statuses of consecutive 1m windows (trigger 3, recovery 2) and the steps published, as
   * type:status@window index; the episode start is window index after '^'.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # windows                                                | steps
      green green green                                        | ''
      red red                                                  | ''
      red red red                                              | firing:red@2^0
      amber red amber                                          | firing:red@2^0
      red red green red red red                                | firing:red@5^3
      red red red green red green green                        | firing:red@2^0 resolved:green@6^0
      red red red green green                                  | firing:red@2^0 resolved:green@4^0
      amber amber amber red red green green                    | firing:amber@2^0 escalated:red@3^0 resolved:green@6^0
      anomalous red green green                                | firing:anomalous@0^0 escalated:red@1^0 resolved:green@3^0
      red red red amber anomalous red                          | firing:red@2^0
      stale green green                                        | firing:stale@0^0 resolved:green@2^0
      red error red unknown red                                | firing:error@2^0
      error error error green green                            | firing:error@2^0 resolved:green@4^0
      red red red error green unknown green                    | firing:red@2^0 escalated:error@3^0 resolved:green@6^0
      red red red green green red red red                      | firing:red@2^0 resolved:green@4^0 firing:red@7^5
      """)
  void shouldStepThroughEpisodes(String windows, String steps) {
    EpisodeTracker tracker = new EpisodeTracker();
    List<String> published = new ArrayList<>();
    String[] statuses = windows.trim().split("\\s+");
    for (int i = 0; i < statuses.length; i++) {
      Instant start = T0.plusSeconds(60L * i);
      Transition step = tracker.advance(start, start.plusSeconds(60), Status.valueOf(statuses[i].toUpperCase()), 3, 2);
      if (step != null) {
        published.add(step.type().wire() + ":" + step.status().wire() + "@" + i + "^"
            + (step.episodeStart().getEpochSecond() - T0.getEpochSecond()) / 60);
      }
    }
    assertEquals(steps, String.join(" ", published));
  }

  /** Trigger 3 of the last 5 windows (recovery 2): a flapping series fires. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # windows                                                | steps
      red green red green red                                  | firing:red@4^0
      red green green green green red red                      | ''
      red green green red green red red                        | firing:red@6^3
      red green green green green green red red red            | firing:red@8^6
      """)
  void shouldFireThreeOfFive(String windows, String steps) {
    EpisodeTracker tracker = new EpisodeTracker();
    List<String> published = new ArrayList<>();
    String[] statuses = windows.trim().split("\\s+");
    for (int i = 0; i < statuses.length; i++) {
      Instant start = T0.plusSeconds(60L * i);
      Transition step = tracker.advance(start, start.plusSeconds(60), Status.valueOf(statuses[i].toUpperCase()), 3,
          5, 2);
      if (step != null) {
        published.add(step.type().wire() + ":" + step.status().wire() + "@" + i + "^"
            + (step.episodeStart().getEpochSecond() - T0.getEpochSecond()) / 60);
      }
    }
    assertEquals(steps, String.join(" ", published));
  }

  @Test
  void shouldResumeFromSnapshot() {
    EpisodeTracker tracker = new EpisodeTracker();
    tracker.advance(T0, T0.plusSeconds(60), Status.RED, 3, 2);
    tracker.advance(T0.plusSeconds(60), T0.plusSeconds(120), Status.RED, 3, 2);

    EpisodeTracker restored = EpisodeTracker.restore(tracker.snapshot());
    Transition step = restored.advance(T0.plusSeconds(120), T0.plusSeconds(180), Status.RED, 3, 2);

    assertEquals(AlertType.FIRING, step.type());
    assertEquals(T0, step.episodeStart());
    assertEquals("red in 3 windows (trigger 3)", step.reason());
  }

  @Test
  void shouldKeyEachEpisodeBySeriesAndStart() {
    String key = EpisodeTracker.dedupKey("checkout_attempts", "*", T0);
    assertEquals(key, EpisodeTracker.dedupKey("checkout_attempts", "*", T0));
    assertNotEquals(key, EpisodeTracker.dedupKey("checkout_attempts", "customer=acme", T0));
    assertNotEquals(key, EpisodeTracker.dedupKey("checkout_attempts", "*", T0.plusSeconds(60)));
  }
}
