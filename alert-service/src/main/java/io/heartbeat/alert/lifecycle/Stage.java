package io.heartbeat.alert.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ten lifecycle stages and what each lets Heartbeat do with a metric: the table "What each stage does" in
 * docs/lifecycle.md, row for row. alert-service judges, opens episodes and counts SLA downtime by it; the notifier
 * and the rollback (issue 11) ask {@link #notifiesChannels()}, {@link #pagesHuman()} and {@link #mayRollBack()}.
 * The stage comes from the registry event (definition.stage); this service never moves it. Pure.
 */
public enum Stage {
  //           computed judged episodes channels pages rollback downtime
  DISCOVERY(   false,   false, false,   false,   false, false,   false),
  DRAFTED(     true,    true,  false,   false,   false, false,   false),
  BACKFILLED(  true,    true,  false,   false,   false, false,   false),
  PROVISIONAL( true,    true,  false,   false,   false, false,   false),
  UNVERIFIED(  true,    true,  true,    true,    false, false,   true),
  OWNED(       true,    true,  true,    true,    false, false,   true),
  VERIFIED(    true,    true,  true,    true,    false, true,    true),
  PAGING(      true,    true,  true,    true,    true,  true,    true),
  DEPRECATED(  true,    true,  false,   false,   false, false,   false),
  RETIRED(     false,   false, false,   false,   false, false,   false);

  private static final Map<String, Stage> BY_WIRE = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(Stage::wire, Function.identity()));

  private final boolean computed;
  private final boolean judged;
  private final boolean opensEpisodes;
  private final boolean notifiesChannels;
  private final boolean pagesHuman;
  private final boolean mayRollBack;
  private final boolean countsDowntime;

  Stage(boolean computed, boolean judged, boolean opensEpisodes, boolean notifiesChannels, boolean pagesHuman,
      boolean mayRollBack, boolean countsDowntime) {
    this.computed = computed;
    this.judged = judged;
    this.opensEpisodes = opensEpisodes;
    this.notifiesChannels = notifiesChannels;
    this.pagesHuman = pagesHuman;
    this.mayRollBack = mayRollBack;
    this.countsDowntime = countsDowntime;
  }

  /** compute-service runs its value_sql when a window closes (compute-service applies this column itself). */
  public boolean computed() {
    return computed;
  }

  /** Its observations are judged: an evaluation with status, rule and band is published, and the band learns. */
  public boolean judged() {
    return judged;
  }

  /** A bad run opens an alert episode (firing, escalated, resolved on heartbeat.alerts and in alert.episode). */
  public boolean opensEpisodes() {
    return opensEpisodes;
  }

  /** Its episodes are told to channels (Slack, the signed webhook). */
  public boolean notifiesChannels() {
    return notifiesChannels;
  }

  /** Its episodes page a human (PagerDuty, incident.io) by default. */
  public boolean pagesHuman() {
    return pagesHuman;
  }

  /** A drop shortly after a linked deploy may call that deploy's rollback webhook. */
  public boolean mayRollBack() {
    return mayRollBack;
  }

  /** Its red and stale time is written to the SLA ledger (alert.downtime) for the SLAs it belongs to. */
  public boolean countsDowntime() {
    return countsDowntime;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage of a wire value; an unknown one is refused (the listener skips such a definition beforehand). */
  public static Stage fromWire(String wire) {
    Stage stage = wire == null ? null : BY_WIRE.get(wire);
    if (stage == null) {
      throw new IllegalArgumentException("unknown lifecycle stage " + wire);
    }
    return stage;
  }

  public static boolean known(String wire) {
    return wire != null && BY_WIRE.containsKey(wire);
  }

  /** The wire values of the stages whose observations are judged (the stale check watches only those). */
  public static List<String> judgedWires() {
    return Arrays.stream(values()).filter(Stage::judged).map(Stage::wire).toList();
  }
}
