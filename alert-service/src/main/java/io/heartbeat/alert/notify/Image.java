package io.heartbeat.alert.notify;

import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A picture of the drop (e.g. the series with its band), by URL: vendors fetch images themselves, so a page never
 * carries image bytes. {@code href} is where a click on the image leads, {@code alt} the words read instead of it.
 */
@RegisterForReflection
public record Image(String src, String href, String alt) {

  public Image {
    Objects.requireNonNull(src, "src");
    alt = alt == null || alt.isBlank() ? "chart" : alt;
  }
}
