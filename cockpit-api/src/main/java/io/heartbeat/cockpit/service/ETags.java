package io.heartbeat.cockpit.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strong entity tags: the SHA-256 of the representation's bytes, so equal bodies always have equal tags. */
public final class ETags {

  private ETags() {
  }

  public static String of(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when an If-None-Match header names the tag (or is *). */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim().replaceFirst("^W/", "");
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
