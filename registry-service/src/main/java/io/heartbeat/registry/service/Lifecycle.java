package io.heartbeat.registry.service;

import static io.heartbeat.registry.model.Stage.BACKFILLED;
import static io.heartbeat.registry.model.Stage.DEPRECATED;
import static io.heartbeat.registry.model.Stage.DISCOVERY;
import static io.heartbeat.registry.model.Stage.DRAFTED;
import static io.heartbeat.registry.model.Stage.OWNED;
import static io.heartbeat.registry.model.Stage.PAGING;
import static io.heartbeat.registry.model.Stage.PROVISIONAL;
import static io.heartbeat.registry.model.Stage.RETIRED;
import static io.heartbeat.registry.model.Stage.UNVERIFIED;
import static io.heartbeat.registry.model.Stage.VERIFIED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.heartbeat.registry.model.Stage;

/**
 * The ten lifecycle stages as an explicit state machine (docs/lifecycle.md). Operators may make the everyday moves
 * of ownership and verification; only admins may start paging humans, deprecate, retire or revive a metric.
 */
public final class Lifecycle {

  public enum Role { OPERATOR, ADMIN }

  private static final Map<Stage, Set<Stage>> MOVES = Map.of(
      DISCOVERY, EnumSet.of(DRAFTED, RETIRED),
      DRAFTED, EnumSet.of(BACKFILLED, PROVISIONAL, RETIRED),
      BACKFILLED, EnumSet.of(PROVISIONAL, RETIRED),
      PROVISIONAL, EnumSet.of(UNVERIFIED, DEPRECATED),
      UNVERIFIED, EnumSet.of(OWNED, DEPRECATED),
      OWNED, EnumSet.of(VERIFIED, UNVERIFIED, DEPRECATED),
      VERIFIED, EnumSet.of(PAGING, OWNED, DEPRECATED),
      PAGING, EnumSet.of(VERIFIED, DEPRECATED),
      DEPRECATED, EnumSet.of(RETIRED, UNVERIFIED),
      RETIRED, EnumSet.noneOf(Stage.class));

  /** Moves an operator may make; every other allowed move needs an admin. */
  private static final Map<Stage, Set<Stage>> OPERATOR_MOVES = Map.of(
      DISCOVERY, EnumSet.of(DRAFTED),
      DRAFTED, EnumSet.of(BACKFILLED, PROVISIONAL),
      BACKFILLED, EnumSet.of(PROVISIONAL),
      PROVISIONAL, EnumSet.of(UNVERIFIED),
      UNVERIFIED, EnumSet.of(OWNED),
      OWNED, EnumSet.of(VERIFIED, UNVERIFIED),
      VERIFIED, EnumSet.of(OWNED),
      PAGING, EnumSet.of(VERIFIED));

  private Lifecycle() {
  }

  public static Set<Stage> next(Stage from) {
    return MOVES.getOrDefault(from, Set.of());
  }

  public static boolean allowed(Stage from, Stage to) {
    return next(from).contains(to);
  }

  public static boolean allowedFor(Role role, Stage from, Stage to) {
    return allowed(from, to) && (role == Role.ADMIN || OPERATOR_MOVES.getOrDefault(from, Set.of()).contains(to));
  }

  /** Only verified and paging metrics may trigger automation such as a rollback. */
  public static boolean mayTriggerAutomation(Stage stage) {
    return stage == VERIFIED || stage == PAGING;
  }

  /** Only paging metrics page a human by default. */
  public static boolean pagesHumans(Stage stage) {
    return stage == PAGING;
  }
}
