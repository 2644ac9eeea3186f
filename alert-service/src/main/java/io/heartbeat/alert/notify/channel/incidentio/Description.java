package io.heartbeat.alert.notify.channel.incidentio;

import java.util.List;
import java.util.function.Function;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.channel.Wording;

/**
 * The Markdown description of an incident.io alert: what responders need first, in the order they need it (the
 * number against its band and thresholds, how to read it, the rollback, the suggested actions, then the wider
 * picture), so the alert can be acted on without opening anything else.
 */
final class Description {

  private Description() {
  }

  static String of(Notification notification) {
    Heartbeat heartbeat = notification.heartbeat();
    Reading reading = notification.reading();
    ResponderContext context = notification.context();
    String unit = heartbeat.unit();
    StringBuilder text = new StringBuilder();
    text.append("**").append(Wording.label(notification)).append("** · ").append(Wording.subject(heartbeat))
        .append("\n\n").append(notification.summary()).append("\n\n");
    if (notification.recovery() != null) {
      text.append("**").append(Wording.recovery(notification.recovery())).append("** Ended ")
          .append(notification.recovery().endedAt()).append(".\n\n");
    }
    text.append("- **Value:** ").append(Wording.number(reading.value(), unit)).append('\n');
    if (reading.expected() != null) {
      text.append("- **Expected:** ").append(Wording.number(reading.expected(), unit)).append('\n');
    }
    if (reading.hasBand()) {
      text.append("- **Band:** ").append(Wording.band(reading, unit)).append('\n');
    }
    if (reading.normValue() != null) {
      text.append("- **Norm (amber):** ").append(Wording.number(reading.normValue(), unit)).append('\n');
    }
    if (reading.alertValue() != null) {
      text.append("- **Alert (red):** ").append(Wording.number(reading.alertValue(), unit)).append('\n');
    }
    if (reading.windowStart() != null) {
      text.append("- **Window:** ").append(reading.windowStart()).append(" – ").append(reading.windowEnd())
          .append('\n');
    }
    text.append("- **Started:** ").append(notification.startedAt()).append('\n');
    if (heartbeat.howToRead() != null) {
      text.append("\n**How to read:** ").append(heartbeat.howToRead()).append('\n');
    }
    if (heartbeat.runbookUrl() != null) {
      text.append("\n**Runbook:** ").append(heartbeat.runbookUrl()).append('\n');
    }
    if (context.rollback() != null) {
      text.append("\n**").append(Wording.rollback(context.rollback())).append("**\n");
    }
    list(text, "Suggested first actions", context.suggestedActions(), Wording::action);
    list(text, "Recent deploys of linked services", context.recentDeploys(), Wording::deploy);
    list(text, "Other heartbeats failing now", context.otherFailing(), Wording::failing);
    list(text, "Dimensions that dropped most", context.topDimensions(), drop -> Wording.drop(drop, unit));
    if (notification.cockpitUrl() != null) {
      text.append("\n[Open ").append(heartbeat.code()).append(" in the cockpit](").append(notification.cockpitUrl())
          .append(")\n");
    }
    notification.links().forEach(link -> text.append("\n[").append(link.text()).append("](").append(link.href())
        .append(")\n"));
    // The API has no image field; Markdown images render where incident.io shows the description.
    notification.images().forEach(image -> text.append("\n![").append(image.alt()).append("](").append(image.src())
        .append(")\n"));
    return text.toString();
  }

  private static <T> void list(StringBuilder text, String title, List<T> items, Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    text.append("\n**").append(title).append("**\n");
    items.forEach(item -> text.append("- ").append(line.apply(item)).append('\n'));
  }
}
