package io.heartbeat.cockpit.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import io.heartbeat.cockpit.model.AlertView;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.repository.AlertRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** Alert episodes as responders read them, newest first, with an opaque cursor to page through them. */
@ApplicationScoped
public class AlertService {

  private final AlertRepository alerts;

  public AlertService(AlertRepository alerts) {
    this.alerts = alerts;
  }

  /** One page of episodes and the cursor of the next (null at the end). */
  public record Page(List<AlertView> items, String nextCursor) {
  }

  public Uni<Page> page(String state, String cursor, int limit) {
    if (state != null && !List.of("firing", "resolved").contains(state)) {
      throw new BadRequestException("query parameter 'state' must be firing, resolved or all, got '" + state + "'");
    }
    Instant afterFiredAt = null;
    String afterKey = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
        afterFiredAt = Instant.parse(parts[0]);
        afterKey = parts[1];
      } catch (RuntimeException e) {
        throw new BadRequestException("query parameter 'cursor' is not a cursor this API gave out: pass nextCursor"
            + " of the previous page as it came");
      }
    }
    return alerts.page(state, afterFiredAt, afterKey, limit + 1).map(rows -> {
      List<AlertView> items = new ArrayList<>();
      for (int i = 0; i < Math.min(limit, rows.size()); i++) {
        items.add(view(rows.get(i)));
      }
      String next = null;
      if (rows.size() > limit) {
        AlertView last = items.get(items.size() - 1);
        next = Base64.getUrlEncoder().withoutPadding().encodeToString(
            (last.firedAt() + "|" + last.dedupKey()).getBytes(StandardCharsets.UTF_8));
      }
      return new Page(items, next);
    });
  }

  public Uni<AlertView> one(String dedupKey) {
    return alerts.find(dedupKey).map(found -> view(found.orElseThrow(
        () -> new NotFoundException("No alert episode with key " + dedupKey))));
  }

  static AlertView view(Row row) {
    JsonObject context = (JsonObject) row.getValue("context");
    JsonObject rollback = (JsonObject) row.getValue("rollback");
    Object deliveries = row.getValue("deliveries");
    List<Map<String, Object>> actions = new ArrayList<>();
    if (context != null && context.getValue("suggestedActions") instanceof JsonArray suggested) {
      suggested.forEach(a -> {
        if (a instanceof JsonObject o) {
          // alert-service words an action as text; `action` is the same words under the cockpit contract's name.
          actions.add(o.copy().put("action", o.getString("text")).getMap());
        }
      });
    }
    if (rollback == null && context != null && context.getValue("rollback") instanceof JsonObject fromContext) {
      rollback = fromContext;
    }
    List<Map<String, Object>> delivered = new ArrayList<>();
    if (deliveries instanceof JsonArray array) {
      array.forEach(e -> {
        if (e instanceof JsonObject o) {
          delivered.add(o.getMap());
        }
      });
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    Object stepsValue = row.getValue("steps");
    if (stepsValue instanceof JsonArray array) {
      array.forEach(s -> {
        if (s instanceof JsonObject o) {
          steps.add(o.getMap());
        }
      });
    }
    return new AlertView(row.getString("dedup_key"), row.getString("metric_id"), row.getString("code"),
        row.getString("name"), row.getString("series"), row.getString("state"),
        Status.fromWire(row.getString("status")), Status.fromWire(row.getString("worst_status")),
        row.getOffsetDateTime("episode_start").toInstant(), row.getOffsetDateTime("fired_at").toInstant(),
        row.getOffsetDateTime("resolved_at") == null ? null : row.getOffsetDateTime("resolved_at").toInstant(),
        row.getString("reason"), steps, rollback == null ? null : rollback.getMap(), actions, delivered,
        context == null ? null : context.getMap());
  }
}
