package io.heartbeat.alert.notify.outage;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotifyConfig;
import io.heartbeat.alert.notify.outbox.OutboxRepository;
import io.heartbeat.alert.notify.outbox.OutboxRow;
import io.heartbeat.alert.notify.route.Router;
import io.heartbeat.alert.notify.route.Routing;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Turns the delivery log's final outcomes into Heartbeat's own alert, on the transaction that records them: the
 * first page given up to a receiver opens its outage and enqueues the trigger to every other receiver (never to
 * the one that cannot be reached, and past the routes: whoever can still hear must); later ones only count; the
 * receiver's next delivered page resolves it, to the receivers the trigger went to.
 */
@ApplicationScoped
public class Outages {

  private final OutageRepository outages;
  private final OutboxRepository outbox;
  private final Router router;
  private final OwnAlert alerts;

  public Outages(OutageRepository outages, OutboxRepository outbox, Routing routing, NotifyConfig config) {
    this.outages = outages;
    this.outbox = outbox;
    this.router = routing.router();
    this.alerts = new OwnAlert(config.alertUrl());
  }

  /** The page rowId of episodeKey to receiver was given up at the service time at, with error. */
  public Uni<Void> failed(SqlClient tx, String receiver, String rowId, String episodeKey, String error,
      Instant at) {
    Outage candidate = new Outage(OwnAlert.key(receiver, rowId), receiver, episodeKey, 1, error, others(receiver),
        at);
    return outages.count(tx, candidate, rowId).chain(outage -> {
      if (!outage.opened()) {
        Log.warnf("Receiver still cannot be paged receiver=%s failedPages=%d key=%s", receiver,
            outage.failedPages(), outage.episodeKey());
        return Uni.createFrom().voidItem();
      }
      return outages.pending(tx, receiver).chain(pending -> {
        Log.errorf("Heartbeat cannot page a receiver, own alert raised receiver=%s key=%s told=%s", receiver,
            outage.episodeKey(), outage.notified());
        return enqueue(tx, alerts.trigger(outage, pending, at), outage.notified());
      });
    });
  }

  /** A page to receiver was delivered at the service time at: its open outage, if any, resolves. */
  public Uni<Void> delivered(SqlClient tx, String receiver, Instant at) {
    return outages.close(tx, receiver, at).chain(outage -> {
      if (outage == null) {
        return Uni.createFrom().voidItem();
      }
      Log.infof("Receiver takes pages again, own alert resolved receiver=%s key=%s failedPages=%d", receiver,
          outage.episodeKey(), outage.failedPages());
      return enqueue(tx, alerts.resolve(outage, at), outage.notified());
    });
  }

  private Uni<Void> enqueue(SqlClient tx, Notification notification, List<String> receivers) {
    return outbox.insertAll(tx, receivers.stream().filter(router::knows)
        .map(receiver -> OutboxRow.of(notification, receiver)).toList());
  }

  private List<String> others(String receiver) {
    return router.names().stream().filter(name -> !name.equals(receiver)).sorted().toList();
  }
}
