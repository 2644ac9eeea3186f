package io.heartbeat.alert.notify.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notify.event.NotificationRelay drains alert.notification_event onto heartbeat.notifications. */
@ConfigMapping(prefix = "heartbeat.notifications")
public interface RelaySettings {

  /** How often the relay looks for unpublished events; it is also woken after each commit that wrote some. */
  @WithDefault("1s")
  Duration relayEvery();

  /** Events sent per round trip; a full batch is followed at once by the next. */
  @WithDefault("500")
  int batch();

  /** Published events are deleted this long after they were acknowledged. */
  @WithDefault("7d")
  Duration keep();
}
