package io.heartbeat.alert.notify.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a channel built: method, absolute URI, headers (names in lower case, as HTTP/2 sends them) and
 * the exact body bytes (a webhook signature covers these very bytes, so nobody may re-serialize them). It may carry
 * secrets in any part (a Slack URL, a bearer token, PagerDuty's routing key in the body), so {@link #toString()}
 * shows only the scheme and host, the header names and the body's size.
 */
public record ChannelRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

  public ChannelRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("a channel request needs an absolute URI");
    }
    Map<String, String> lower = new LinkedHashMap<>();
    (headers == null ? Map.<String, String>of() : headers)
        .forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    headers = Collections.unmodifiableMap(lower);
    body = body == null ? new byte[0] : body.clone();
  }

  /** A JSON POST, the shape of every vendor request here. */
  public static ChannelRequest postJson(URI uri, Map<String, String> headers, byte[] json) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("content-type", "application/json");
    all.put("user-agent", "heartbeat-alert-service");
    all.putAll(headers);
    return new ChannelRequest("POST", uri, all, json);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A header by name, any case; null when absent. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChannelRequest that && method.equals(that.method) && uri.equals(that.uri)
        && headers.equals(that.headers) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ChannelRequest[" + method + " " + origin(uri) + " headers=" + headers.keySet() + " body=" + body.length
        + " bytes]";
  }

  /**
   * "https://hooks.slack.com/…": how a log line may name a destination. A path or query can be the credential
   * (a Slack webhook, a token parameter), so only scheme, host and port are shown.
   */
  public static String origin(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + "/…";
  }
}
