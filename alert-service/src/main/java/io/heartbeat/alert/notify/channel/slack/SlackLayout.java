package io.heartbeat.alert.notify.channel.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Image;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.channel.Clip;
import io.heartbeat.alert.notify.channel.Wording;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Actions;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Block;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Button;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Context;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Header;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.ImageBlock;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Section;
import io.heartbeat.alert.notify.channel.slack.SlackMessage.Text;

/**
 * Lays a notification out as a Block Kit message within Slack's documented limits, since Slack refuses the whole
 * message when one limit is passed: texts are clipped, lists capped, and what did not fit (images, links) is
 * counted in the closing context line rather than dropped silently. The status is in words in the header and the
 * fallback text; the emoji beside it is decoration, never the only signal.
 */
final class SlackLayout {

  static final int MAX_BLOCKS = 50;
  static final int MAX_TEXT = 4000;
  static final int MAX_HEADER = 150;
  static final int MAX_SECTION = 3000;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD = 2000;
  static final int MAX_CONTEXT = 2000;
  static final int MAX_BUTTONS = 25;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_URL = 3000;
  static final int MAX_ALT = 2000;

  private SlackLayout() {
  }

  static SlackMessage of(Notification notification) {
    Heartbeat heartbeat = notification.heartbeat();
    ResponderContext context = notification.context();
    List<Block> blocks = new ArrayList<>();
    blocks.add(Header.of(Clip.to(emoji(notification) + " " + status(notification) + " · "
        + Wording.subject(heartbeat), MAX_HEADER)));
    String summary = notification.recovery() == null ? notification.summary()
        : notification.summary() + "\n" + Wording.recovery(notification.recovery());
    blocks.add(Section.text(Mrkdwn.clip(summary, MAX_SECTION)));
    blocks.add(Section.fields(fields(notification)));
    if (heartbeat.howToRead() != null) {
      blocks.add(Section.text(Mrkdwn.clip("*How to read:* " + heartbeat.howToRead(), MAX_SECTION)));
    }
    if (context.rollback() != null) {
      blocks.add(Section.text(Mrkdwn.clip("*" + Wording.rollback(context.rollback()) + "*", MAX_SECTION)));
    }
    list(blocks, "Suggested first actions", context.suggestedActions(), Wording::action);
    list(blocks, "Recent deploys of linked services", context.recentDeploys(), Wording::deploy);
    list(blocks, "Other heartbeats failing now", context.otherFailing(), Wording::failing);
    list(blocks, "Dimensions that dropped most", context.topDimensions(),
        drop -> Wording.drop(drop, heartbeat.unit()));

    List<Button> buttons = buttons(notification);
    int linksLeftOut = linkCount(notification) - buttons.size();
    if (!buttons.isEmpty()) {
      blocks.add(Actions.of(buttons));
    }
    // One block stays free for the closing context line.
    List<Image> images = notification.images().stream().filter(image -> image.src().length() <= MAX_URL).toList();
    int room = Math.max(0, MAX_BLOCKS - blocks.size() - 1);
    images.stream().limit(room).forEach(image -> blocks.add(ImageBlock.of(image.src(), Clip.to(image.alt(), MAX_ALT))));
    int imagesLeftOut = notification.images().size() - Math.min(room, images.size());
    blocks.add(Context.of(List.of(Text.mrkdwn(Mrkdwn.clip(footer(notification, imagesLeftOut, linksLeftOut),
        MAX_CONTEXT)))));
    return new SlackMessage(Mrkdwn.clip(Wording.headline(notification), MAX_TEXT), List.copyOf(blocks));
  }

  private static String status(Notification notification) {
    String label = Wording.label(notification);
    return notification.status() == Status.UPDATED ? label + " (update)" : label;
  }

  private static String emoji(Notification notification) {
    if (notification.status() == Status.RESOLVED) {
      return ":white_check_mark:";
    }
    return switch (notification.severity()) {
      case RED -> ":red_circle:";
      case STALE -> ":black_circle:";
      case ERROR -> ":warning:";
      case AMBER -> ":large_orange_circle:";
      case ANOMALOUS -> ":large_purple_circle:";
    };
  }

  private static List<Text> fields(Notification notification) {
    Reading reading = notification.reading();
    String unit = notification.heartbeat().unit();
    List<Text> fields = new ArrayList<>();
    field(fields, "Value", Wording.number(reading.value(), unit));
    field(fields, "Expected", reading.expected() == null ? null : Wording.number(reading.expected(), unit));
    field(fields, "Band", Wording.band(reading, unit));
    field(fields, "Norm (amber)", reading.normValue() == null ? null : Wording.number(reading.normValue(), unit));
    field(fields, "Alert (red)", reading.alertValue() == null ? null : Wording.number(reading.alertValue(), unit));
    field(fields, "Window", reading.windowStart() == null ? null : reading.windowStart() + " – " + reading.windowEnd());
    field(fields, "Started", notification.startedAt().toString());
    if (notification.recovery() != null) {
      field(fields, "Duration", Wording.duration(notification.recovery().durationSeconds()));
      field(fields, "SLA minutes", Wording.number(notification.recovery().slaMinutes()));
    }
    return fields.subList(0, Math.min(MAX_FIELDS, fields.size()));
  }

  private static void field(List<Text> fields, String name, String value) {
    if (value != null) {
      fields.add(Text.mrkdwn(Mrkdwn.clip("*" + name + "*\n" + value, MAX_FIELD)));
    }
  }

  private static <T> void list(List<Block> blocks, String title, List<T> items, Function<T, String> line) {
    if (!items.isEmpty()) {
      StringBuilder text = new StringBuilder("*").append(title).append("*");
      items.forEach(item -> text.append("\n• ").append(line.apply(item)));
      blocks.add(Section.text(Mrkdwn.clip(text.toString(), MAX_SECTION)));
    }
  }

  /** Cockpit, runbook, then the extra links: as many as one actions block holds, none with a URL Slack refuses. */
  private static List<Button> buttons(Notification notification) {
    List<Button> buttons = new ArrayList<>();
    if (notification.cockpitUrl() != null) {
      buttons.add(Button.link("Open in the cockpit", notification.cockpitUrl(), "cockpit"));
    }
    if (notification.heartbeat().runbookUrl() != null) {
      buttons.add(Button.link("Runbook", notification.heartbeat().runbookUrl(), "runbook"));
    }
    for (int i = 0; i < notification.links().size(); i++) {
      var link = notification.links().get(i);
      buttons.add(Button.link(Clip.to(link.text(), MAX_BUTTON_TEXT), link.href(), "link-" + i));
    }
    return buttons.stream().filter(button -> button.url().length() <= MAX_URL).limit(MAX_BUTTONS).toList();
  }

  private static int linkCount(Notification notification) {
    return (notification.cockpitUrl() == null ? 0 : 1) + (notification.heartbeat().runbookUrl() == null ? 0 : 1)
        + notification.links().size();
  }

  private static String footer(Notification notification, int imagesLeftOut, int linksLeftOut) {
    StringBuilder footer = new StringBuilder("Heartbeat · episode ").append(notification.episodeKey())
        .append(" · ").append(notification.step()).append(" · ").append(notification.occurredAt());
    if (imagesLeftOut > 0 || linksLeftOut > 0) {
      footer.append(" · left out to fit Slack: ").append(imagesLeftOut).append(" images, ").append(linksLeftOut)
          .append(" links (see the cockpit)");
    }
    return footer.toString();
  }
}
