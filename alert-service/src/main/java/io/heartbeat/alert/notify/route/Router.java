package io.heartbeat.alert.notify.route;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.channel.Channel;

/**
 * Decides who hears about one episode step. A firing or updated step goes to every receiver of every matching
 * route, plus the incident commander for red on a metric that counts against an SLA, gated by the stage the step
 * happened in: a receiver that pages a human only when the stage is in page_stages, any other only when the stage
 * notifies channels. An update also reaches every receiver that already has the open incident, and a resolve goes
 * to exactly those: a page is resolved where it was sent, whatever the routes or the stage say now. Pure.
 */
public final class Router {

  private final Routes routes;
  private final Map<String, Channel> channels;

  public Router(Routes routes, Map<String, Channel> channels) {
    this.routes = routes;
    this.channels = Map.copyOf(channels);
  }

  /** The receivers for this step, in the file's order; triggered holds those that got this episode's trigger. */
  public List<String> receivers(Notification notification, Collection<String> triggered) {
    if (notification.status() == Status.RESOLVED) {
      return List.copyOf(new LinkedHashSet<>(triggered));
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (Route route : routes.routes()) {
      if (route.match().matches(notification)) {
        route.receivers().stream().filter(name -> allowed(name, notification.heartbeat().stage()))
            .forEach(chosen::add);
      }
    }
    if (routes.incidentCommander() != null && notification.severity() == Severity.RED
        && !notification.heartbeat().slas().isEmpty()
        && allowed(routes.incidentCommander(), notification.heartbeat().stage())) {
      chosen.add(routes.incidentCommander());
    }
    if (notification.status() == Status.UPDATED) {
      chosen.addAll(triggered);
    }
    return List.copyOf(chosen);
  }

  public boolean knows(String receiver) {
    return channels.containsKey(receiver);
  }

  public Channel channel(String receiver) {
    return channels.get(receiver);
  }

  public Set<String> names() {
    return channels.keySet();
  }

  private boolean allowed(String receiver, String stage) {
    Channel channel = channels.get(receiver);
    if (channel == null || stage == null || !Stage.known(stage)) {
      return false;
    }
    return channel.kind().pagesHuman() ? routes.pages(stage) : Stage.fromWire(stage).notifiesChannels();
  }
}
