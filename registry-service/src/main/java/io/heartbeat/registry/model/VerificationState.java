package io.heartbeat.registry.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an owner has confirmed about a metric. It is never set on its own: it follows the lifecycle stage
 * (docs/lifecycle.md), so stage and verification_state cannot disagree.
 */
public enum VerificationState {
  UNVERIFIED, OWNED, VERIFIED;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  /** The state of that wire value, or null for anything else (including retired spellings such as pending_review). */
  public static VerificationState fromWire(String value) {
    for (VerificationState s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The state at a stage: unverified from discovery to unverified, owned at owned, verified at verified and paging.
   * Deprecated and retired metrics keep the state they had when they left service ({@code previous}), so history
   * still says whether the number was ever confirmed; unverified when there is none.
   */
  public static VerificationState at(Stage stage, VerificationState previous) {
    if (stage == null) {
      return previous == null ? UNVERIFIED : previous;
    }
    return switch (stage) {
      case DISCOVERY, DRAFTED, BACKFILLED, PROVISIONAL, UNVERIFIED -> UNVERIFIED;
      case OWNED -> OWNED;
      case VERIFIED, PAGING -> VERIFIED;
      case DEPRECATED, RETIRED -> previous == null ? UNVERIFIED : previous;
    };
  }
}
