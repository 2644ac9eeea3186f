package io.heartbeat.alert.notify.context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.notify.Deploy;
import io.heartbeat.alert.notify.DimensionDrop;
import io.heartbeat.alert.notify.FailingHeartbeat;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.SuggestedAction;

/**
 * The suggested first actions, each from one rule that says why it fired. A broken number comes first (stale: the
 * pipeline; error: value_sql and the marts), since nothing else is worth reading while the value is not real; then
 * the deploy just before the drop, heartbeats failing together (a shared dependency), and one slice alone. Pure:
 * docs/notifications.md lists the rules and their thresholds.
 */
final class Suggestions {

  /** Other heartbeats that began failing this close to the drop are taken as failing together. */
  static final Duration TOGETHER = Duration.ofMinutes(15);
  /** One slice explains the total's drop when it accounts for this share of it ... */
  static final double SLICE_SHARE = 0.7;
  /** ... and the next slice lost at most this fraction of what the first one lost. */
  static final double NEXT_SLICE_AT_MOST = 0.25;

  private Suggestions() {
  }

  /** totalFiring: for a slice's episode, whether the metric's total is failing too (then the drop is not theirs alone). */
  static List<SuggestedAction> of(ContextCase episode, List<Deploy> deploys, Rollback rollback,
      List<FailingHeartbeat> others, List<DimensionDrop> slices, boolean totalFiring) {
    List<SuggestedAction> actions = new ArrayList<>();
    String where = episode.sources().isEmpty() ? "the marts" : String.join(", ", episode.sources());
    if (episode.severity() == Severity.STALE) {
      actions.add(new SuggestedAction("stale_pipeline",
          "Check the pipeline that loads " + where + ", then compute-service: no value has arrived",
          "no observation for two periods since " + episode.dropStart() + "; a heartbeat does not stop on its own,"
              + " the data feeding it or its computation did"));
    }
    if (episode.severity() == Severity.ERROR) {
      actions.add(new SuggestedAction("error_value_sql",
          "Check the metric's value_sql and the marts it reads (" + where + ")",
          "the value could not be computed: " + (episode.rule() == null ? "no detail" : episode.rule())));
    }
    if (!deploys.isEmpty()) {
      actions.add(deploy(episode.dropStart(), deploys.get(0), rollback));
    }
    List<FailingHeartbeat> together = others.stream().filter(other -> other.since() != null
        && Duration.between(other.since(), episode.dropStart()).abs().compareTo(TOGETHER) <= 0).toList();
    if (!together.isEmpty()) {
      actions.add(new SuggestedAction("shared_dependency",
          "Look for a shared dependency first: a database failover, the message broker, the network or auth",
          together.size() + " other heartbeat" + (together.size() == 1 ? "" : "s") + " started failing within "
              + TOGETHER.toMinutes() + " min of this one: " + together.stream()
                  .map(o -> o.code() == null ? o.metricId() : o.code()).collect(Collectors.joining(", "))));
    }
    singleSlice(episode, slices, totalFiring).ifPresent(actions::add);
    return actions;
  }

  static SuggestedAction deploy(Instant dropStart, Deploy deploy, Rollback rollback) {
    String what = deploy.service() + " " + deploy.version();
    String why = deploy.finishedAt() != null && deploy.finishedAt().isAfter(dropStart)
        ? what + " finished deploying at " + deploy.finishedAt() + ", in the window the drop began in (" + dropStart
            + ")"
        : what + " finished deploying " + minutes(deploy.finishedAt(), dropStart) + " before the drop began at "
            + dropStart;
    if (rollback == null) {
      return new SuggestedAction("recent_deploy", "Consider rolling back " + what, why);
    }
    return switch (rollback.state()) {
      case STARTED -> new SuggestedAction("recent_deploy", "Watch the automatic rollback of " + what
          + "; if the heartbeat does not recover within a few windows, roll back by hand", why);
      case SUCCEEDED -> new SuggestedAction("recent_deploy", what + " was rolled back: confirm the heartbeat"
          + " recovers, then find what in " + what + " broke it", why);
      case FAILED -> new SuggestedAction("recent_deploy", "Roll back " + what + " by hand: the automatic rollback"
          + " failed (" + rollback.detail() + ")", why);
      case SKIPPED -> rollback.detail() != null && rollback.detail().startsWith("already rolled back")
          ? new SuggestedAction("recent_deploy", what + " is already being rolled back for another heartbeat's"
              + " episode: confirm this one recovers with it", why)
          : new SuggestedAction("recent_deploy", "Consider rolling back " + what + " (not done automatically: "
              + rollback.detail() + ")", why);
    };
  }

  /** The drop is one slice's: a slice's own episode, or one slice that lost most of what the total lost. */
  private static java.util.Optional<SuggestedAction> singleSlice(ContextCase episode, List<DimensionDrop> slices,
      boolean totalFiring) {
    if (episode.dimension() != null) {
      return totalFiring ? java.util.Optional.empty() : java.util.Optional.of(alone(episode.dimension(), "this is " + label(episode.dimension())
          + "'s own episode; the metric's total is not failing with it"));
    }
    Double totalValue = episode.reading().value();
    Double totalExpected = episode.reading().expected();
    if (totalValue == null || totalExpected == null) {
      return java.util.Optional.empty();
    }
    double sign = episode.lowerIsBetter() ? -1 : 1;
    double totalLoss = sign * (totalExpected - totalValue);
    List<DimensionDrop> losing = slices.stream().filter(s -> s.value() != null && s.expected() != null)
        .sorted(Comparator.comparingDouble((DimensionDrop s) -> sign * (s.expected() - s.value())).reversed())
        .toList();
    if (totalLoss <= 0 || losing.isEmpty()) {
      return java.util.Optional.empty();
    }
    DimensionDrop first = losing.get(0);
    double firstLoss = sign * (first.expected() - first.value());
    double nextLoss = losing.size() < 2 ? 0 : Math.max(0, sign * (losing.get(1).expected() - losing.get(1).value()));
    if (firstLoss < SLICE_SHARE * totalLoss || nextLoss > NEXT_SLICE_AT_MOST * firstLoss) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(alone(first.dimension(), String.format(java.util.Locale.ROOT,
        "%s accounts for %.0f %% of the total's drop; the next slice lost %.0f %% as much", label(first.dimension()),
        Math.min(100, firstLoss / totalLoss * 100), firstLoss == 0 ? 0 : nextLoss / firstLoss * 100)));
  }

  private static SuggestedAction alone(Dimension slice, String why) {
    String text = switch (slice.kind()) {
      case "customer" -> "Look at customer " + slice.value() + " alone: their integration, API keys, plan limits,"
          + " or a change on their side";
      case "region" -> "Look at region " + slice.value() + " alone: its zone, load balancer, CDN or a regional"
          + " provider";
      case "platform" -> "Look at the " + slice.value() + " platform alone: its latest client release or SDK";
      default -> "Look at " + label(slice) + " alone";
    };
    return new SuggestedAction("single_dimension", text, why);
  }

  private static String label(Dimension slice) {
    return slice.kind() + " " + slice.value();
  }

  private static String minutes(Instant from, Instant to) {
    if (from == null) {
      return "shortly";
    }
    long seconds = Math.max(0, Duration.between(from, to).toSeconds());
    return seconds < 60 ? seconds + " s" : seconds / 60 + " min";
  }
}
