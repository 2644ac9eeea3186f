package io.heartbeat.alert.notify.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Notifications;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;

/** Who hears about a step, one row per case: routes, stage gate, incident commander, update and resolve. */
class RouterTest {

  private static final String ROUTES = """
      version: 1
      incident_commander: commander
      receivers:
        - {name: pager, kind: pagerduty, secret_env: KEY}
        - {name: commander, kind: incidentio, url: "https://api.incident.io/v2/alert_events/http/x", secret_env: TOKEN}
        - {name: slack, kind: slack, url_env: SLACK}
        - {name: hook, kind: webhook, url: "https://hooks.example.com/x", secret_env: SECRET}
      routes:
        - match: {team: messaging}
          receivers: [slack, pager]
        - match: {sla: core-platform, severity: [red, stale]}
          receivers: [hook]
      """;

  private static final Router ROUTER = router();

  private static Router router() {
    Routes routes = RoutesFile.parse("routes.yaml", ROUTES);
    Map<String, String> env = Map.of("KEY", "0123456789abcdef0123456789abcdef", "TOKEN", "t",
        "SLACK", "https://hooks.slack.com/services/T/B/x", "SECRET", WebhookSecret.generate().serialized());
    return new Router(routes, new ChannelBuilder(name -> Optional.ofNullable(env.get(name))).build(routes));
  }

  @ParameterizedTest(name = "{0} {1} {2} team={3} slas={4} triggered={5} -> {6}")
  @CsvSource(delimiter = '|', value = {
      // status | severity | stage | team | slas | already triggered | receivers
      "firing   | red   | paging     | messaging | core-platform | -          | slack,pager,hook,commander",
      "firing   | amber | paging     | messaging | core-platform | -          | slack,pager",
      "firing   | red   | verified   | messaging | core-platform | -          | slack,hook",
      "firing   | red   | unverified | messaging | -             | -          | slack",
      "firing   | red   | paging     | other     | -             | -          | -",
      "firing   | red   | provisional| messaging | core-platform | -          | -",
      "updated  | red   | paging     | messaging | core-platform | slack      | slack,pager,hook,commander",
      "updated  | red   | verified   | other     | -             | pager      | pager",
      "resolved | red   | deprecated | other     | -             | slack,pager| slack,pager",
      "resolved | red   | paging     | messaging | core-platform | -          | -",
  })
  void shouldChooseReceivers(String status, String severity, String stage, String team, String slas,
      String triggered, String expected) {
    Notification base = switch (status) {
      case "firing" -> Notifications.firing();
      case "updated" -> Notifications.updated();
      default -> Notifications.resolved();
    };
    Heartbeat h = base.heartbeat();
    Heartbeat heartbeat = new Heartbeat(h.metricId(), h.name(), h.code(), h.unit(), h.direction(), h.howToRead(),
        h.runbookUrl(), team, stage, list(slas), h.linkedServices(), h.dimension());
    Notification notification = Notifications.withSeverity(Notifications.withHeartbeat(base, heartbeat),
        Severity.fromWire(severity));

    assertEquals(list(expected), ROUTER.receivers(notification, list(triggered)));
  }

  private static List<String> list(String csv) {
    return csv.equals("-") ? List.of() : Arrays.asList(csv.split(","));
  }
}
