package io.heartbeat.alert.notify.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.heartbeat.alert.notify.channel.ChannelKind;
import io.heartbeat.alert.notify.channel.webhook.WebhookSecret;

/** The routes file: the example parses and builds, a wrong file names file, line and field, no file is no routes. */
class RoutesFileTest {

  private static final String RECEIVERS = """
      version: 1
      receivers:
        - {name: hook, kind: webhook, url: "https://hooks.example.com/x", secret_env: HOOK_SECRET}
      """;

  @Test
  void shouldReadTheExampleAndBuildItsChannels() throws IOException {
    Routes routes = RoutesFile.read(Path.of("src/main/resources/routes-example.yaml")).orElseThrow();
    assertEquals(List.of("paging"), routes.pageStages());
    assertEquals("incidentio-commander", routes.incidentCommander());
    assertEquals(3, routes.routes().size());
    Map<String, String> env = Map.of("HEARTBEAT_PAGERDUTY_ENGINEERING_KEY", "0123456789abcdef0123456789abcdef",
        "HEARTBEAT_INCIDENTIO_TOKEN", "token", "HEARTBEAT_SLACK_CHECKOUT_URL", "https://hooks.slack.com/services/T/B/x",
        "HEARTBEAT_WEBHOOK_SECRET", WebhookSecret.generate().serialized(),
        "HEARTBEAT_WEBHOOK_SECRET_PREVIOUS", WebhookSecret.generate().serialized());
    var channels = new ChannelBuilder(name -> Optional.ofNullable(env.get(name))).build(routes);
    assertEquals(List.of(ChannelKind.PAGERDUTY, ChannelKind.INCIDENTIO, ChannelKind.SLACK, ChannelKind.WEBHOOK),
        channels.values().stream().map(c -> c.kind()).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "version: 2|routes.yaml:1: version: this alert-service reads routes files of version 1, not 2",
      "version: 1\\nrecievers: []|routes.yaml:2: recievers: Unrecognized field \"recievers\"",
      "version: 1\\npage_stages: [pagin]|routes.yaml:2: page_stages: unknown stage pagin",
      "version: 1\\nreceivers:\\n  - {name: a, kind: sms}|routes.yaml:3: receivers[0]: kind: receiver a has unknown kind sms",
      "version: 1\\nreceivers:\\n  - {name: a, kind: slack, url_env: 'https://hooks.slack.com/x'}"
          + "|routes.yaml:3: receivers[0]: url_env: receiver a names an environment variable here",
      "ROUTES\\nroutes:\\n  - {match: {severity: purple}, receivers: [hook]}"
          + "|routes.yaml:5: routes[0].match: severity: unknown severity purple",
      "ROUTES\\nroutes:\\n  - {receivers: [nobody]}|routes.yaml:5: routes[0].receivers: unknown receiver nobody",
      "ROUTES\\nincident_commander: nobody|routes.yaml:4: incident_commander: unknown receiver nobody",
  })
  void shouldNameFileLineAndFieldOfAWrongFile(String text, String expected) {
    String yaml = text.replace("ROUTES", RECEIVERS.strip()).replace("\\n", "\n");
    var error = assertThrows(IllegalArgumentException.class, () -> RoutesFile.parse("routes.yaml", yaml));
    assertTrue(error.getMessage().startsWith(expected), error.getMessage());
  }

  @Test
  void shouldNeverEchoASecretPastedIntoSecretEnv() {
    String secret = WebhookSecret.generate().serialized();
    String yaml = "version: 1\nreceivers:\n  - {name: a, kind: webhook, url: 'https://x.example', secret_env: '"
        + secret + "'}";
    var error = assertThrows(IllegalArgumentException.class, () -> RoutesFile.parse("routes.yaml", yaml));
    assertFalse(error.getMessage().contains(secret), error.getMessage());
    assertTrue(error.getMessage().contains("secret_env"), error.getMessage());
  }

  @Test
  void shouldNameTheUnsetVariable() {
    Routes routes = RoutesFile.parse("routes.yaml", RECEIVERS);
    var error = assertThrows(IllegalArgumentException.class,
        () -> new ChannelBuilder(name -> Optional.empty()).build(routes));
    assertEquals("receivers[0]: secret_env: receiver hook: environment variable HOOK_SECRET is not set",
        error.getMessage());
  }

  @Test
  void shouldReadNoRoutesFromAMissingFile(@TempDir Path dir) {
    assertTrue(RoutesFile.read(dir.resolve("routes.yaml")).isEmpty());
  }

  @Test
  void shouldReadJsonToo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routes.json");
    Files.writeString(file, "{\"version\": 1, \"page_stages\": [\"verified\", \"paging\"]}");
    assertEquals(List.of("verified", "paging"), RoutesFile.read(file).orElseThrow().pageStages());
  }
}
