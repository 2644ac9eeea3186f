package io.heartbeat.alert.notify.channel;

import java.util.Locale;

/**
 * The vendors Heartbeat speaks, and whether each pages a human. The lifecycle decides per kind: only paging-stage
 * metrics page (PagerDuty, incident.io), while every stage with episodes may notify a channel (Slack, the generic
 * webhook); see lifecycle.Stage#pagesHuman and #notifiesChannels.
 */
public enum ChannelKind {
  PAGERDUTY(true),
  INCIDENTIO(true),
  SLACK(false),
  WEBHOOK(false);

  private final boolean pagesHuman;

  ChannelKind(boolean pagesHuman) {
    this.pagesHuman = pagesHuman;
  }

  /** A message here wakes someone up (an incident, an escalation policy), not just a line in a channel. */
  public boolean pagesHuman() {
    return pagesHuman;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChannelKind fromWire(String wire) {
    for (ChannelKind kind : values()) {
      if (kind.wire().equals(wire)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown channel kind " + wire);
  }
}
