package io.heartbeat.compute;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens as deploy/jwt.sh makes them (signed with the test key), and the ways a token can be wrong. */
public final class Tokens {

  public static final String ISSUER = "https://heartbeat.local";
  public static final String AUDIENCE = "heartbeat";

  private Tokens() {
  }

  /** A good token for user with these groups. */
  public static String of(String user, String... groups) {
    return claims(user, groups).sign();
  }

  public static String fromIssuer(String issuer, String user, String... groups) {
    return claims(user, groups).issuer(issuer).sign();
  }

  public static String forAudience(String audience, String user, String... groups) {
    return claims(user, groups).audience(audience).sign();
  }

  public static String withoutAudience(String user, String... groups) {
    return Jwt.upn(user).issuer(ISSUER).groups(Set.of(groups)).sign();
  }

  public static String expired(String user, String... groups) {
    Instant now = Instant.now();
    return claims(user, groups).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign();
  }

  /** Well formed and current, but signed by a key the service does not trust. */
  public static String signedByAnotherKey(String user, String... groups) {
    return claims(user, groups).sign(strangerKey());
  }

  private static JwtClaimsBuilder claims(String user, String... groups) {
    return Jwt.upn(user).issuer(ISSUER).audience(AUDIENCE).groups(Set.of(groups));
  }

  private static PrivateKey strangerKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
