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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Syncs at start (retrying until the database and broker answer) and again whenever the metrics folder changes. */
@ApplicationScoped
public class StartupSync {

  private final DefinitionSync sync;
  private final boolean watch;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "registry-sync"));
  private volatile boolean running = true;

  private final boolean atStart;

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
  }

  private void run() {
    if (!watch) {
      syncUntilDone();
      return;
    }
    Path folder = sync.folder();
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      // Watch before the first sync: a file written between that sync and the watch would otherwise go unseen.
      folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      Log.infof("watching metrics folder path=%s", folder);
      if (atStart) {
        syncUntilDone();
      }
      while (running) {
        WatchKey key = watcher.take();
        // Editors write a file in several steps: wait for the folder to settle, then sync once.
        do {
          key.pollEvents();
          key.reset();
          key = watcher.poll(300, TimeUnit.MILLISECONDS);
        } while (key != null);
        syncUntilDone();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      Log.errorf("cannot watch metrics folder path=%s: %s (sync still runs at start and on POST /api/registry/sync)",
          folder, e.getMessage());
      if (atStart) {
        syncUntilDone();
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
        backoff = Math.min(backoff * 2, 15_000);
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
