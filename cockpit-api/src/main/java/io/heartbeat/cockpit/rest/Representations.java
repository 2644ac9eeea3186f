package io.heartbeat.cockpit.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heartbeat.cockpit.service.ETags;

/** JSON answers with a strong ETag; a client that sends the tag back in If-None-Match gets 304 and no body. */
@ApplicationScoped
public class Representations {

  private final ObjectMapper mapper;

  public Representations(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Response json(Object body, String ifNoneMatch) {
    try {
      return bytes(mapper.writeValueAsBytes(body), null, ifNoneMatch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("representation not serialisable", e);
    }
  }

  /** Serialised bytes with their tag (computed when null). */
  public static Response bytes(byte[] json, String etag, String ifNoneMatch) {
    String tag = etag == null ? ETags.of(json) : etag;
    EntityTag entityTag = new EntityTag(tag.substring(1, tag.length() - 1));
    if (ETags.matches(ifNoneMatch, tag)) {
      return Response.notModified(entityTag).build();
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(entityTag).build();
  }
}
