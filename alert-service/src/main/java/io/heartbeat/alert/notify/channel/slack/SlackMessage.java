package io.heartbeat.alert.notify.channel.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A message for a Slack incoming webhook: {@code text} is the fallback shown in notifications and read by screen
 * readers, {@code blocks} the Block Kit layout. Each record is one Block Kit object, its fields as Slack documents
 * them, with its {@code type} as a field so the JSON reads like Slack's reference.
 */
@RegisterForReflection
public record SlackMessage(String text, List<Block> blocks) {

  /** The Block Kit layout blocks this channel uses. */
  public sealed interface Block permits Header, Section, Context, Actions, ImageBlock {
    String type();
  }

  /** A text object: plain_text (headers, buttons) or mrkdwn (sections, context). */
  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Text(String type, String text, Boolean emoji) {

    static Text plain(String text) {
      return new Text("plain_text", text, true);
    }

    static Text mrkdwn(String text) {
      return new Text("mrkdwn", text, null);
    }
  }

  @RegisterForReflection
  public record Header(String type, Text text) implements Block {

    static Header of(String text) {
      return new Header("header", Text.plain(text));
    }
  }

  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Section(String type, Text text, List<Text> fields) implements Block {

    static Section text(String mrkdwn) {
      return new Section("section", Text.mrkdwn(mrkdwn), null);
    }

    static Section fields(List<Text> fields) {
      return new Section("section", null, fields);
    }
  }

  @RegisterForReflection
  public record Context(String type, List<Text> elements) implements Block {

    static Context of(List<Text> elements) {
      return new Context("context", elements);
    }
  }

  @RegisterForReflection
  public record Actions(String type, List<Button> elements) implements Block {

    static Actions of(List<Button> buttons) {
      return new Actions("actions", buttons);
    }
  }

  /** A link button: Slack opens {@code url}; {@code action_id} only tells the buttons of one block apart. */
  @RegisterForReflection
  public record Button(String type, Text text, String url, @JsonProperty("action_id") String actionId) {

    static Button link(String text, String url, String actionId) {
      return new Button("button", new Text("plain_text", text, true), url, actionId);
    }
  }

  @RegisterForReflection
  public record ImageBlock(String type, @JsonProperty("image_url") String imageUrl,
      @JsonProperty("alt_text") String altText) implements Block {

    static ImageBlock of(String imageUrl, String altText) {
      return new ImageBlock("image", imageUrl, altText);
    }
  }
}
