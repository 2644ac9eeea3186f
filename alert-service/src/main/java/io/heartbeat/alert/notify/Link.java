package io.heartbeat.alert.notify;

import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A link a responder may follow from the page (a dashboard, a log search), with the words shown for it. */
@RegisterForReflection
public record Link(String href, String text) {

  public Link {
    Objects.requireNonNull(href, "href");
    text = text == null || text.isBlank() ? href : text;
  }
}
