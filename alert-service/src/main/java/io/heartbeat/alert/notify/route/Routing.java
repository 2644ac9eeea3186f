package io.heartbeat.alert.notify.route;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.channel.Channel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The routes in force, read once at start from heartbeat.notify.routes-file. No file means no notifications (said
 * once in the log); a wrong file, or a receiver whose secret is not in the environment, stops the start with the
 * file, line and field. Secrets are looked up through the configuration, which reads the environment (and, in
 * tests, properties of the same name).
 */
@Startup
@ApplicationScoped
public class Routing {

  private final Router router;

  public Routing(NotifyConfig config, Config environment) {
    Optional<Routes> routes = config.routesFile().map(Path::of).flatMap(RoutesFile::read);
    if (routes.isEmpty()) {
      Log.infof("No routes file, no notifications will be sent routesFile=%s", config.routesFile().orElse("unset"));
      router = new Router(Routes.NONE, Map.of());
      return;
    }
    Map<String, Channel> channels;
    try {
      channels = new ChannelBuilder(name -> environment.getOptionalValue(name, String.class)).build(routes.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Path.of(config.routesFile().get()).getFileName() + ": " + e.getMessage(), e);
    }
    for (Channel channel : channels.values()) {
      if (channel.timeout().compareTo(config.lease()) >= 0) {
        throw new IllegalArgumentException("receiver " + channel.name() + ": timeout " + channel.timeout()
            + " must be shorter than heartbeat.notify.lease " + config.lease());
      }
    }
    router = new Router(routes.get(), channels);
    Log.infof("Routes read routesFile=%s receivers=%s routes=%d pageStages=%s", config.routesFile().get(),
        channels.keySet(), routes.get().routes().size(), routes.get().pageStages());
  }

  public Router router() {
    return router;
  }
}
