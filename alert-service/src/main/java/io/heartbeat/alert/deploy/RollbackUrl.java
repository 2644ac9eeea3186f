package io.heartbeat.alert.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A deploy's rollback hook. Calling it rolls production back and its path or query may carry a token, so it is a
 * capability: toString and {@link #origin()} show only scheme://host[:port], the one part a log line may carry.
 */
public final class RollbackUrl {

  static final int MAX_LENGTH = 2048;
  // Plain http only where nothing leaves the machine (a local receiver in a test or a demo).
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final String url;
  private final String origin;

  private RollbackUrl(String url, String origin) {
    this.url = url;
    this.origin = origin;
  }

  /** The URL, or the reason it is refused; the reason never quotes the URL. */
  public static Result parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Result.refused("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Result.refused("must be an absolute https URL");
    }
    // As sent, not case-folded: the event schema (docs/events/deployment.v1.json) matches the text as it is.
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri.getHost();
    if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty()) {
      return Result.refused("must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Result.refused("must not carry credentials before the host; send a token in the path or query");
    }
    if (scheme.equals("http") && !LOOPBACK.contains(host)) {
      return Result.refused("must use https (plain http only for localhost or 127.0.0.1)");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Result.refused("must use https");
    }
    String origin = scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return new Result(Optional.of(new RollbackUrl(text, origin)), null);
  }

  /** The stored form, read back: it was checked when it was recorded. */
  static RollbackUrl stored(String text) {
    Result result = parse(text);
    return result.url().orElseThrow(() -> new IllegalStateException("stored rollback URL refused: " + result.problem()));
  }

  /** The full URL, for the rollback call and the table only. */
  public String reveal() {
    return url;
  }

  /** scheme://host[:port]: what a log line may say about the hook. */
  public String origin() {
    return origin;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RollbackUrl that && url.equals(that.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url);
  }

  @Override
  public String toString() {
    return origin + "/…";
  }

  /** A parsed URL or why it was refused. */
  public record Result(Optional<RollbackUrl> url, String problem) {

    static Result refused(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }
}
