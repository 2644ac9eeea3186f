package io.heartbeat.compute;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens as the company's identity provider signs them (test key pair in src/test/resources/jwt). */
public final class Tokens {

  private Tokens() {
  }

  public static String of(String user, String... roles) {
    return Jwt.upn(user).issuer("https://heartbeat.local").groups(Set.of(roles)).sign();
  }
}
