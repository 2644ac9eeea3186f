package io.heartbeat.cockpit.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.heartbeat.cockpit.config.CockpitConfig;
import io.heartbeat.cockpit.repository.StreamJournal;
import io.heartbeat.cockpit.repository.StreamJournal.StreamEvent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;

/**
 * Reads the stream journal (cockpit.stream_event) as it grows and pushes each new event to this instance's
 * subscribers. Every instance reads the same table, so a client gets the same ids whichever instance it reaches, and
 * one that reconnects with Last-Event-ID is first replayed from the table, then joins the live events, with no event
 * lost or sent twice at the switch.
 */
@ApplicationScoped
public class StreamBroadcaster {

  static final int PAGE = 1000;

  private final StreamJournal journal;
  private final CockpitConfig config;
  private final Vertx vertx;
  private final BroadcastProcessor<StreamEvent> live = BroadcastProcessor.create();
  /** The newest id pushed: set before the event is pushed, so a subscriber reading it replays up to it. */
  private volatile long last = -1;
  private final AtomicBoolean polling = new AtomicBoolean();
  /** A commit of this instance asked for a read while one was running: read again right after it. */
  private final AtomicBoolean again = new AtomicBoolean();
  private final GapWatch gaps = new GapWatch();
  private long timer = -1;

  public StreamBroadcaster(StreamJournal journal, CockpitConfig config, Vertx vertx) {
    this.journal = journal;
    this.config = config;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent event) {
    // Where the journal ends is read by the first poll, not here: the service starts (readiness DOWN) while
    // PostgreSQL is unreachable, and the stream begins once it answers.
    timer = vertx.setPeriodic(config.stream().pollEvery().toMillis(), id -> poll());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    live.onComplete();
  }

  /** The id of the newest event pushed live (0 for an empty journal, -1 until the journal was first read). */
  public long last() {
    return last;
  }

  /**
   * Reads the journal now rather than at the next tick: called after this instance committed a journaled change, so
   * its subscribers do not wait for the poll interval. Changes committed by other instances still come by the poll.
   */
  public void wake() {
    again.set(true);
    vertx.runOnContext(this::poll);
  }

  private void poll() {
    if (!polling.compareAndSet(false, true)) {
      return;
    }
    if (last < 0) {
      journal.lastId().subscribe().with(id -> {
        last = id;
        polling.set(false);
      }, failure -> polling.set(false));
      return;
    }
    again.set(false);
    journal.after(last, PAGE).subscribe().with(events -> {
      try {
        for (StreamEvent e : gaps.contiguous(last, events)) {
          last = e.id();
          live.onNext(e);
        }
      } finally {
        polling.set(false);
      }
      if (again.get()) {
        poll();
      }
    }, failure -> {
      polling.set(false);
      Log.warnf("stream journal read failed: %s", failure.getMessage());
    });
  }

  /**
   * The events after lastEventId (replayed from the table) followed by every live event; with no lastEventId only
   * the live events from now on.
   */
  public Multi<StreamEvent> subscribe(Long lastEventId) {
    if (lastEventId == null) {
      return live;
    }
    return Multi.createFrom().emitter(emitter -> new Resume(emitter, lastEventId).start());
  }

  /** One reconnecting subscriber: live events are held while the table replays what it missed. */
  private final class Resume {

    private final MultiEmitter<? super StreamEvent> emitter;
    private final Queue<StreamEvent> held = new ConcurrentLinkedQueue<>();
    private long sent;
    private boolean replaying = true;

    Resume(MultiEmitter<? super StreamEvent> emitter, long lastEventId) {
      this.emitter = emitter;
      this.sent = lastEventId;
    }

    void start() {
      Cancellable liveSubscription = live.subscribe().with(this::onLive, emitter::fail);
      emitter.onTermination(liveSubscription::cancel);
      long upTo = last;
      replay(sent, upTo).subscribe().with(this::switchToLive, emitter::fail);
    }

    private Uni<Void> replay(long after, long upTo) {
      if (after >= upTo) {
        return Uni.createFrom().voidItem();
      }
      return journal.after(after, PAGE).chain(page -> {
        List<StreamEvent> inRange = new ArrayList<>();
        for (StreamEvent e : page) {
          if (e.id() <= upTo) {
            inRange.add(e);
          }
        }
        synchronized (this) {
          inRange.forEach(this::send);
        }
        return page.size() < PAGE || inRange.size() < page.size() ? Uni.createFrom().voidItem()
            : replay(page.get(page.size() - 1).id(), upTo);
      });
    }

    private synchronized void switchToLive(Void done) {
      replaying = false;
      StreamEvent e;
      while ((e = held.poll()) != null) {
        send(e);
      }
    }

    private synchronized void onLive(StreamEvent e) {
      if (replaying) {
        held.add(e);
      } else {
        send(e);
      }
    }

    private void send(StreamEvent e) {
      if (e.id() > sent) {
        sent = e.id();
        emitter.emit(e);
      }
    }
  }

  /**
   * Journal ids come from a sequence: a transaction holding a lower id can commit after one holding a higher id.
   * Events are handed out only up to the first gap; a gap that stays longer than a settle time is a rolled-back
   * insert (or a replayed key that inserted nothing) and is passed.
   */
  static final class GapWatch {

    static final long SETTLE_NANOS = Duration.ofSeconds(2).toNanos();
    private long gapAfter = -1;
    private long gapSeen;

    List<StreamEvent> contiguous(long last, List<StreamEvent> events) {
      List<StreamEvent> ready = new ArrayList<>(events.size());
      long expected = last + 1;
      for (StreamEvent e : events) {
        if (e.id() != expected && last > 0) {
          long now = System.nanoTime();
          if (gapAfter != expected - 1) {
            gapAfter = expected - 1;
            gapSeen = now;
          }
          if (now - gapSeen < SETTLE_NANOS) {
            break;
          }
        }
        ready.add(e);
        expected = e.id() + 1;
      }
      return ready;
    }
  }
}
