package io.heartbeat.registry.service;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Syncs at start (retrying until the database, the broker and the marts catalog answer) and again whenever the
 * metrics folder changes. A folder that is missing, or disappears, is watched for again until it is back.
 */
@ApplicationScoped
public class StartupSync {

  private static final long MAX_BACKOFF_MILLIS = 15_000;
  private final DefinitionSync sync;
  private final boolean watch;
  private final boolean atStart;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "registry-sync"));
  // The watcher holds the worker thread for good, so retries asked for by the API run on their own.
  private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> new Thread(r, "registry-sync-retry"));
  private final AtomicBoolean retrying = new AtomicBoolean();
  private volatile boolean running = true;

  public StartupSync(DefinitionSync sync, @ConfigProperty(name = "registry.watch") boolean watch,
      @ConfigProperty(name = "registry.sync-at-start", defaultValue = "true") boolean atStart) {
    this.sync = sync;
    this.watch = watch;
    this.atStart = atStart;
  }

  void onStart(@Observes StartupEvent event) {
    if (atStart || watch) {
      worker.submit(this::run);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    worker.shutdownNow();
    retries.shutdownNow();
  }

  /** Retries a sync that failed (e.g. the marts catalog did not answer) in the background, once at a time. */
  public void retryInBackground() {
    if (running && retrying.compareAndSet(false, true)) {
      retries.submit(() -> {
        try {
          sleep(1_000);
          syncUntilDone();
        } finally {
          retrying.set(false);
        }
      });
    }
  }

  private void run() {
    if (!watch) {
      syncUntilDone();
      return;
    }
    Path folder = sync.folder();
    boolean first = true;
    long backoff = 1_000;
    while (running) {
      try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
        // Watch before syncing: a file written between that sync and the watch would otherwise go unseen.
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        Log.infof("watching metrics folder path=%s", folder);
        backoff = 1_000;
        // After the folder came back, sync even without sync-at-start: it may hold anything now.
        if (atStart || !first) {
          syncUntilDone();
        }
        first = false;
        watchUntilGone(watcher);
        Log.errorf("metrics folder no longer watched path=%s (deleted or unmounted): watching for it again", folder);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        if (first) {
          // The sync reports the missing folder as a problem (and removes nothing); then wait for the folder.
          Log.errorf("cannot watch metrics folder path=%s: %s (retrying; POST /api/registry/sync also syncs)",
              folder, e.getMessage());
          if (atStart) {
            syncUntilDone();
          }
          first = false;
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  /** Syncs after each burst of changes; returns when the folder itself is gone (its watch key no longer valid). */
  private void watchUntilGone(WatchService watcher) throws InterruptedException {
    while (running) {
      WatchKey key = watcher.take();
      boolean valid;
      // Editors write a file in several steps: wait for the folder to settle, then sync once.
      do {
        key.pollEvents();
        valid = key.reset();
        key = watcher.poll(300, TimeUnit.MILLISECONDS);
      } while (key != null && valid);
      syncUntilDone();
      if (!valid) {
        return;
      }
    }
  }

  private void syncUntilDone() {
    long backoff = 500;
    while (running) {
      try {
        sync.sync();
        return;
      } catch (RuntimeException e) {
        Log.warnf("registry sync failed, retrying in %d ms: %s", backoff, e.getMessage());
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
