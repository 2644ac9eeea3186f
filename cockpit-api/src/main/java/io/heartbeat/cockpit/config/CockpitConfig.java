package io.heartbeat.cockpit.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the cockpit read model (prefix cockpit). */
@ConfigMapping(prefix = "cockpit")
public interface CockpitConfig {

  /** The sparkline series. */
  Series series();

  /** When the cockpit's own clock calls a tile stale. */
  Stale stale();

  /** The live stream. */
  Stream stream();

  /** The services the cockpit passes requests through to. */
  Services services();

  /** The MCP server's resources. */
  Mcp mcp();

  /** MCP resources (mcp/MethodologyResources). */
  interface Mcp {

    /** How often the methodology resources listed are brought in step with the metrics in the registry. */
    @WithDefault("30s")
    String resourceSync();
  }

  /** Tile staleness by the cockpit's clock. */
  interface Stale {

    /** Periods without an evaluation after which a tile shows stale (alert-service's own rule is two). */
    @WithDefault("2")
    int afterPeriods();

    /** Added to the silence allowed: compute's settle delay and the judgement's own latency. */
    @WithDefault("30s")
    Duration grace();

    /** How often the clock looks for tiles that went stale, to push them on the stream. */
    @WithDefault("10s")
    String checkEvery();
  }

  /** The live stream's journal. */
  interface Stream {

    /** How often each instance reads new journal rows to push to its subscribers. */
    @WithDefault("100ms")
    Duration pollEvery();

    /** A comment sent this often keeps proxies from closing an idle stream. */
    @WithDefault("15s")
    Duration keepAlive();

    /** How long journaled events are kept for clients resuming with Last-Event-ID. */
    @WithDefault("24h")
    Duration retention();
  }

  /** Base URLs of the services the cockpit passes operator requests and SLA reports through to. */
  interface Services {

    /** registry-service: definitions, operator edits, stage moves and audit. */
    @WithDefault("http://127.0.0.1:8181")
    String registryUrl();

    /** alert-service: the SLA ledger. */
    @WithDefault("http://127.0.0.1:8183")
    String alertUrl();

    /** Timeout of one pass-through request. */
    @WithDefault("10s")
    Duration timeout();
  }

  /** How long metric-level points are kept and how often older ones are pruned. */
  interface Series {

    /** Points whose window started longer ago than this are pruned and no longer served. */
    @WithDefault("48h")
    Duration retention();

    /** How often the prune runs (a scheduler interval such as 10m). */
    @WithDefault("10m")
    String pruneEvery();
  }
}
