package io.heartbeat.alert.notify;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Decides the rollback of episodes that start firing, on the transaction that stores their step, so the first
 * page can tell the decision (notify.rollback.RollbackPlanner). An interface here keeps the outbox, which asks,
 * and the rollback package, which later enqueues the outcome's page, from depending on each other.
 */
public interface RollbackDecisions {

  /** The rollback of each episode, by episode key; a replayed step gets the decision stored the first time. */
  Uni<Map<String, Rollback>> decide(SqlClient transaction, List<RollbackCase> episodes);

  /** Where the episode's rollback stands now, or null when none was decided (a slice's episode). */
  Uni<Rollback> current(SqlClient client, String episodeKey);
}
